package org.confmail.provisioning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScimFilterTest {

    private static final Map<String, ScimQuery.Column> USERS = ScimUsers.FILTERABLE;

    private static String jpql(String filter, ScimQuery query) {
        return query.where(ScimFilter.parse(filter));
    }

    @Test
    void userNameEqComparesWithoutCaseAndBindsTheValue() {
        ScimQuery query = new ScimQuery(USERS);
        assertEquals("(LOWER(u.userPrincipalName) = :p0)", jpql("userName eq \"Ada@Contoso.com\"", query));
        assertEquals(Map.of("p0", "ada@contoso.com"), query.parameters());
    }

    @Test
    void operatorsAndKeywordsInAnyCaseAndCoreSchemaPrefixes() {
        ScimQuery query = new ScimQuery(USERS);
        assertEquals("((u.externalId = :p0) OR (NOT (LOWER(u.email) = :p1)))", jpql(
                "urn:ietf:params:scim:schemas:core:2.0:User:externalId EQ \"A-1\" Or NOT (emails.value eq \"x@y.z\")",
                query));
        assertEquals(List.of("A-1", "x@y.z"), List.copyOf(query.parameters().values()));
    }

    @Test
    void valuePathsUseTheConstantsOfWhatConfmailKeeps() {
        assertEquals("((1 = 1) AND (LOWER(u.email) = :p0))",
                jpql("emails[type eq \"work\" and value eq \"a@b.c\"]", new ScimQuery(USERS)));
        assertEquals("((1 = 0) AND (LOWER(u.email) = :p0))",
                jpql("emails[type eq \"home\"].value eq \"a@b.c\"", new ScimQuery(USERS)));
    }

    @Test
    void booleansAlsoAsStrings() {
        ScimQuery query = new ScimQuery(USERS);
        assertEquals("(u.active = :p0)", jpql("active eq \"False\"", query));
        assertEquals(Boolean.FALSE, query.parameters().get("p0"));
    }

    @Test
    void likeOperatorsEscapeWildcards() {
        ScimQuery query = new ScimQuery(USERS);
        assertEquals("(LOWER(u.userPrincipalName) LIKE :p0)", jpql("userName sw \"a_b%\"", query));
        assertEquals("a\\_b\\%%", query.parameters().get("p0"));
    }

    @Test
    void groupMembersByUserId() {
        ScimQuery query = new ScimQuery(ScimGroups.FILTERABLE);
        assertTrue(jpql("displayName eq \"Audio Conferencing\" and members[value eq \"u-1\"]", query)
                .contains("EXISTS (SELECT m.id FROM ScimGroup g2 JOIN g2.members m WHERE g2.id = g.id AND m.id = :p1)"));
    }

    @Test
    void unknownAttributesAndMalformedFiltersAreRefusedNotIgnored() {
        ScimException unknown = assertThrows(ScimException.class,
                () -> jpql("title eq \"CEO\"", new ScimQuery(USERS)));
        assertEquals("invalidFilter", unknown.scimType());
        assertTrue(unknown.getMessage().contains("username"), unknown.getMessage());
        for (String bad : List.of("userName eq", "userName xx \"a\"", "userName eq \"open", "(userName eq \"a\"",
                "userName eq \"a\" and", "emails[value eq \"a\"", "userName eq \"a\" extra", "", "   ",
                "userName eq \"a\u0000b\"")) {
            ScimException e = assertThrows(ScimException.class, () -> ScimFilter.parse(bad), bad);
            assertEquals(400, e.status(), bad);
            assertEquals("invalidFilter", e.scimType(), bad);
        }
        assertThrows(ScimException.class, () -> ScimFilter.parse("(".repeat(200) + "userName eq \"a\""
                + ")".repeat(200)));
    }

    @Test
    void patchPathsWithFiltersAndSubAttributes() {
        ScimFilter.Path path = ScimFilter.parsePath("emails[type eq \"work\"].value");
        assertEquals("emails", path.attribute());
        assertEquals("value", path.subAttribute());
        assertInstanceOf(ScimFilter.Compare.class, path.filter());
        ScimFilter.Path extension = ScimFilter.parsePath(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
        assertEquals("urn:ietf:params:scim:schemas:extension:enterprise:2.0:user", extension.attribute());
        assertEquals("department", extension.subAttribute());
        assertEquals(new ScimFilter.Path("displayname", null, null),
                ScimFilter.parsePath("urn:ietf:params:scim:schemas:core:2.0:User:displayName"));
        assertEquals("invalidPath", assertThrows(ScimException.class, () -> ScimFilter.parsePath("a.b.c"))
                .scimType());
        assertEquals("invalidPath", assertThrows(ScimException.class, () -> ScimFilter.parsePath("members[")).scimType());
    }

    @Test
    void inMemoryMatchingOfAValue() {
        ScimFilter filter = ScimFilter.parse("type eq \"WORK\" and primary eq true");
        assertTrue(ScimFilter.matches(filter, Map.of("type", "work", "primary", true)));
        assertTrue(ScimFilter.matches(filter, Map.of("type", "work", "primary", "True")));
        assertFalse(ScimFilter.matches(filter, Map.of("type", "home", "primary", true)));
    }
}
