package org.confmail.provisioning.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.confmail.provisioning.control.Scim;

/** How SCIM answers are written: {@code application/scim+json}, Location and ETag, and attribute selection. */
final class Answers {

    /** Attributes every answer keeps whatever {@code attributes} says (RFC 7643: returned "always"). */
    private static final Set<String> ALWAYS = Set.of("schemas", "id", "meta");

    private Answers() {
    }

    static Response ok(JsonObject json) {
        return withMeta(Response.ok(json.toString(), Scim.MEDIA_TYPE + ";charset=UTF-8"), json);
    }

    static Response created(JsonObject json) {
        Response.ResponseBuilder builder = Response.status(201).entity(json.toString())
                .type(Scim.MEDIA_TYPE + ";charset=UTF-8");
        JsonObject meta = json.getJsonObject("meta");
        if (meta != null && meta.containsKey("location")) {
            builder.location(URI.create(meta.getString("location")));
        }
        return withMeta(builder, json);
    }

    private static Response withMeta(Response.ResponseBuilder builder, JsonObject json) {
        JsonObject meta = json.getJsonObject("meta");
        if (meta != null && meta.containsKey("version")) {
            builder.header("ETag", meta.getString("version"));
        }
        return builder.build();
    }

    static JsonObject page(Scim.Page page, String attributes, String excluded) {
        if (attributes == null && excluded == null) {
            return page.json();
        }
        return new Scim.Page(page.resources().stream().map(r -> select(r, attributes, excluded)).toList(),
                page.total(), page.startIndex()).json();
    }

    /** Whether an answer should hold the top-level attribute, after {@code attributes} and {@code excludedAttributes}. */
    static boolean wants(String attribute, String attributes, String excluded) {
        String name = attribute.toLowerCase(Locale.ROOT);
        if (attributes != null && !attributes.isBlank()) {
            return names(attributes).contains(name);
        }
        return excluded == null || !names(excluded).contains(name);
    }

    /** The resource with only the top-level attributes asked for (sub-attributes select their parent). */
    static JsonObject select(JsonObject resource, String attributes, String excluded) {
        if ((attributes == null || attributes.isBlank()) && (excluded == null || excluded.isBlank())) {
            return resource;
        }
        JsonObjectBuilder kept = Json.createObjectBuilder();
        resource.forEach((key, value) -> {
            if (ALWAYS.contains(key) || wants(key, attributes, excluded)) {
                kept.add(key, value);
            }
        });
        return kept.build();
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(s -> s.toLowerCase(Locale.ROOT))
                .map(s -> s.startsWith("urn:ietf:params:scim:schemas:core:2.0:")
                        ? s.substring(s.indexOf(':', "urn:ietf:params:scim:schemas:core:2.0:".length()) + 1) : s)
                .map(s -> s.contains(".") ? s.substring(0, s.indexOf('.')) : s)
                .collect(Collectors.toSet());
    }
}
