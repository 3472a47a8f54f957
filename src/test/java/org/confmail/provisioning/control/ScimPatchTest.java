package org.confmail.provisioning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PATCH as the RFC writes it and as Entra ID and Okta send it. */
class ScimPatchTest {

    private static Map<String, Object> user() {
        return ScimJson.modelObject(json("""
                {"userName": "ada@contoso.com", "displayName": "Ada", "active": true,
                 "name": {"givenName": "Ada", "familyName": "Lovelace"},
                 "emails": [{"value": "ada@contoso.com", "type": "work", "primary": true}]}"""));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static Map<String, Object> patched(Map<String, Object> resource, String operations) {
        ScimPatch.apply(resource, json("{\"schemas\": [\"" + ScimPatch.SCHEMA + "\"], \"Operations\": " + operations
                + "}"));
        return resource;
    }

    @Test
    void operationNamesInAnyCaseAndBooleansAsStrings() {
        Map<String, Object> user = patched(user(), """
                [{"op": "Replace", "path": "active", "value": "False"},
                 {"op": "REPLACE", "path": "displayName", "value": "Ada L."}]""");
        assertEquals("False", user.get("active"));
        assertEquals(Boolean.FALSE, ScimJson.bool(user.get("active")));
        assertEquals("Ada L.", user.get("displayname"));
    }

    @Test
    void valueObjectsWithoutPathTakeDottedAndPrefixedKeys() {
        Map<String, Object> user = patched(user(), """
                [{"op": "replace", "value": {"active": false, "name.givenName": "Augusta",
                  "urn:ietf:params:scim:schemas:core:2.0:User:displayName": "Augusta Ada"}}]""");
        assertEquals(false, user.get("active"));
        assertEquals("Augusta", ((Map<?, ?>) user.get("name")).get("givenname"));
        assertEquals("Lovelace", ((Map<?, ?>) user.get("name")).get("familyname"));
        assertEquals("Augusta Ada", user.get("displayname"));
    }

    @Test
    void filteredPathsChangeTheMatchingValueOrCreateIt() {
        Map<String, Object> user = patched(user(), """
                [{"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "ada@analytical.example"},
                 {"op": "add", "path": "addresses[type eq \\"work\\"].country", "value": "GB"}]""");
        assertEquals("ada@analytical.example", ((Map<?, ?>) ((List<?>) user.get("emails")).get(0)).get("value"));
        assertEquals(Map.of("type", "work", "country", "GB"), ((List<?>) user.get("addresses")).get(0));
    }

    @Test
    void membersAddedWithoutDuplicatesAndRemovedByFilterOrByValue() {
        Map<String, Object> group = ScimJson.modelObject(json("""
                {"displayName": "Audio Conferencing", "members": [{"value": "a"}, {"value": "b"}]}"""));
        patched(group, """
                [{"op": "add", "path": "members", "value": [{"value": "b"}, {"value": "c"}, {"value": "d"}]},
                 {"op": "remove", "path": "members[value eq \\"a\\"]"},
                 {"op": "Remove", "path": "members", "value": [{"value": "c"}]}]""");
        assertEquals(List.of(Map.of("value", "b"), Map.of("value", "d")), group.get("members"));
        patched(group, "[{\"op\": \"remove\", \"path\": \"members\"}]");
        assertEquals(null, group.get("members"));
    }

    @Test
    void refusals() {
        record Case(String operations, String scimType) {
        }
        for (Case c : List.of(
                new Case("[{\"op\": \"move\", \"path\": \"active\", \"value\": true}]", "invalidSyntax"),
                new Case("[{\"op\": \"remove\"}]", "noTarget"),
                new Case("[{\"op\": \"replace\", \"value\": \"x\"}]", "invalidValue"),
                new Case("[{\"op\": \"replace\", \"path\": \"active\"}]", "invalidValue"),
                new Case("[{\"op\": \"replace\", \"path\": \"emails[type co \\\"w\\\"].value\", \"value\": \"x\"},"
                        + " {\"op\": \"replace\", \"path\": \"emails[type eq \\\"home\\\" or primary eq true]"
                        + ".display\", \"value\": \"x\"}]", null),
                new Case("[{\"op\": \"replace\", \"path\": \"phoneNumbers[type sw \\\"m\\\"].value\","
                        + " \"value\": \"x\"}]", "noTarget"),
                new Case("[{\"op\": \"replace\", \"path\": \"emails[\", \"value\": \"x\"}]", "invalidPath"),
                new Case("[\"replace\"]", "invalidSyntax"))) {
            if (c.scimType() == null) {
                patched(user(), c.operations());
                continue;
            }
            ScimException e = assertThrows(ScimException.class, () -> patched(user(), c.operations()), c.operations());
            assertEquals(c.scimType(), e.scimType(), c.operations());
        }
        assertEquals("invalidSyntax", assertThrows(ScimException.class,
                () -> ScimPatch.apply(user(), json("{\"operations\": {}}"))).scimType());
    }
}
