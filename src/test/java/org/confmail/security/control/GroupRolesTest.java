package org.confmail.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupRolesTest {

    static final Map<String, List<String>> CONFIGURED = Map.of(
            "admin", List.of("/confmail-admins"),
            "operator", List.of("confmail-operators", "helpdesk"),
            "auditor", List.of("6F1A2B3C-0000-4000-8000-00000000000A"));

    @Test
    void aLeadingSlashOnEitherSideDoesNotMatter() {
        assertEquals(Set.of("admin"), GroupRoles.roles(List.of("confmail-admins"), CONFIGURED));
        assertEquals(Set.of("operator"), GroupRoles.roles(List.of("/confmail-operators"), CONFIGURED));
    }

    @Test
    void caseDoesNotMatterSoEntraGroupIdsMatchInEitherCase() {
        assertEquals(Set.of("auditor"), GroupRoles.roles(List.of("6f1a2b3c-0000-4000-8000-00000000000a"), CONFIGURED));
    }

    @Test
    void severalGroupsGiveSeveralRolesMostPowerfulFirst() {
        assertEquals(List.of("admin", "operator"), List.copyOf(GroupRoles.roles(
                List.of("helpdesk", "/confmail-admins", "staff"), CONFIGURED)));
    }

    @Test
    void noMappedGroupNoRole() {
        assertEquals(Set.of(), GroupRoles.roles(List.of("/staff", "", "/"), CONFIGURED));
        assertEquals(Set.of(), GroupRoles.roles(List.of(), CONFIGURED));
        // A nested path is a different group: only the leading slash goes.
        assertEquals(Set.of(), GroupRoles.roles(List.of("/parent/confmail-admins"), CONFIGURED));
    }

    @Test
    void aGroupsClaimIsAnArrayOrASingleString() {
        assertEquals(List.of("a", "b"), OpenIdProvider.strings(List.of("a", "b")));
        assertEquals(List.of("a"), OpenIdProvider.strings("a"));
        assertEquals(List.of(), OpenIdProvider.strings(null));
        assertEquals(List.of(), OpenIdProvider.strings(42));
    }

    @Test
    void aNameIsShownWithoutControlCharactersAndAtMostTwoHundredLong() {
        assertEquals("alice", OpenIdProvider.shown(" ali\u0000ce\n"));
        assertEquals(200, OpenIdProvider.shown("x".repeat(500)).length());
    }
}
