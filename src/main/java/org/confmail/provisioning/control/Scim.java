package org.confmail.provisioning.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** SCIM's names (RFC 7643, RFC 7644) and the pieces every resource and answer shares. */
public final class Scim {

    public static final String MEDIA_TYPE = "application/scim+json";
    public static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    /** The most resources one list answer holds (ServiceProviderConfig's filter.maxResults). */
    public static final int MAX_RESULTS = 200;

    /** One page of a list: the resources, how many match in all, and the 1-based index of the first. */
    public record Page(List<JsonObject> resources, long total, int startIndex) {

        public JsonObject json() {
            var array = Json.createArrayBuilder();
            resources.forEach(array::add);
            return Json.createObjectBuilder().add("schemas", ScimJson.strings(LIST_SCHEMA))
                    .add("totalResults", total).add("itemsPerPage", resources.size()).add("startIndex", startIndex)
                    .add("Resources", array).build();
        }
    }

    /** The 1-based index and size of a page, from the query's text (RFC 7644 3.4.2.4: bad values are clamped). */
    public record Window(int startIndex, int count) {

        public static Window of(String startIndex, String count) {
            return new Window(Math.max(1, number(startIndex, 1, "startIndex")),
                    Math.min(MAX_RESULTS, Math.max(0, number(count, MAX_RESULTS, "count"))));
        }

        private static int number(String text, int absent, String name) {
            if (text == null || text.isBlank()) {
                return absent;
            }
            try {
                long value = Long.parseLong(text.strip());
                return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
            } catch (NumberFormatException e) {
                throw ScimException.invalidValue(name + " must be an integer, not '"
                        + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'.");
            }
        }
    }

    private Scim() {
    }

    static JsonObjectBuilder meta(String resourceType, Instant created, Instant lastModified, long version,
            URI location) {
        JsonObjectBuilder meta = Json.createObjectBuilder().add("resourceType", resourceType)
                .add("created", created.toString()).add("lastModified", lastModified.toString())
                .add("version", "W/\"" + version + "\"");
        if (location != null) {
            meta.add("location", location.toString());
        }
        return meta;
    }

    static URI location(URI base, String collection, String id) {
        return base == null ? null : base.resolve(collection + "/" + id);
    }
}
