package org.confmail.provisioning.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SCIM resource's values as plain Java (maps with lower-case keys, lists, strings, booleans, numbers), the form
 * that PATCH changes and that the mappers read: SCIM attribute names are case-insensitive, and identity providers
 * write them, and booleans, as they please ({@code "Active": "False"}).
 */
public final class ScimJson {

    private ScimJson() {
    }

    /** A request body: one JSON object, or 400 invalidSyntax. */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw ScimException.invalidSyntax("The request needs a JSON object as its body.");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw ScimException.invalidSyntax("The body must be a JSON object, not " + value.getValueType()
                        .name().toLowerCase(Locale.ROOT) + ".");
            }
            return object;
        } catch (JsonException e) {
            throw ScimException.invalidSyntax("The body is not valid JSON: " + e.getMessage());
        }
    }

    /** The Java form of a JSON value; object keys in lower case. */
    public static Object model(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k.toLowerCase(Locale.ROOT), model(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(v -> list.add(model(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> modelObject(JsonObject object) {
        return (Map<String, Object>) model(object);
    }

    /** The JSON form of a Java value made by {@link #model}. */
    public static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            var builder = Json.createObjectBuilder();
            map.forEach((k, v) -> builder.add(k.toString(), json(v)));
            return builder.build();
        }
        if (value instanceof List<?> list) {
            var builder = Json.createArrayBuilder();
            list.forEach(v -> builder.add(json(v)));
            return builder.build();
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof java.math.BigDecimal n) {
            return Json.createValue(n);
        }
        if (value instanceof Number n) {
            return Json.createValue(n.longValue());
        }
        return Json.createValue(value.toString());
    }

    /** A boolean, also written as a string in any case ("True", "false"); null when it is neither. */
    public static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof JsonValue json) {
            return switch (json.getValueType()) {
                case TRUE -> true;
                case FALSE -> false;
                case STRING -> bool(((JsonString) json).getString());
                default -> null;
            };
        }
        if (value instanceof String s) {
            String t = s.strip();
            return t.equalsIgnoreCase("true") ? Boolean.TRUE : t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
        }
        return null;
    }

    /** A text attribute: a string; null when absent; 400 for anything else. */
    public static String text(Map<String, Object> values, String attribute, String name) {
        Object value = values.get(attribute);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            if (s.indexOf('\u0000') >= 0) {
                // PostgreSQL's text cannot hold it: refuse it here, naming the attribute, not fail in the database.
                throw ScimException.invalidValue(name + " must not contain the NUL character.");
            }
            return s;
        }
        throw ScimException.invalidValue(name + " must be a string.");
    }

    /** A list attribute's values that are objects; a single object counts as a list of one. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, Object> values, String attribute, String name) {
        Object value = values.get(attribute);
        if (value == null) {
            return List.of();
        }
        List<Object> items = value instanceof List<?> list ? (List<Object>) list : List.of(value);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?>)) {
                throw ScimException.invalidValue(name + " must be a list of objects.");
            }
            objects.add((Map<String, Object>) item);
        }
        return objects;
    }

    public static JsonArray strings(String... values) {
        var builder = Json.createArrayBuilder();
        for (String v : values) {
            builder.add(v);
        }
        return builder.build();
    }
}
