package org.confmail.platform;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Violations;

/**
 * Reads request bodies whose shape JSON-B cannot check strictly enough: merge-patches (absent, null and a value
 * mean different things) and optional bodies. A wrong JSON type is a 400 naming the field.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ProblemException(400, "Malformed JSON", "The request body must be a JSON object.",
                        java.util.List.of());
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new ProblemException(400, "Malformed JSON", "The request body is not valid JSON: "
                    + e.getLocation().getLineNumber() + ":" + e.getLocation().getColumnNumber(), java.util.List.of());
        } catch (JsonException e) {
            throw new ProblemException(400, "Malformed JSON", "The request body is not valid JSON.",
                    java.util.List.of());
        }
    }

    /** A string field: null when JSON null, a 400 (collected) when another type. */
    public static String string(JsonObject json, String field, Violations violations) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        violations.add(field, "must be a string");
        return null;
    }

    /** A boolean field: null when JSON null, a 400 (collected) when another type. */
    public static Boolean bool(JsonObject json, String field, Violations violations) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        violations.add(field, "must be true or false");
        return null;
    }

    /** Collects a 400 for every member of the object that is not one of {@code fields}. */
    public static void onlyFields(JsonObject json, java.util.Set<String> fields, String what, Violations violations) {
        json.keySet().stream().filter(k -> !fields.contains(k)).sorted()
                .forEach(k -> violations.add(k, "is not a field of " + what));
    }

    /** A list of strings: null when absent or JSON null, a 400 (collected) when anything else. */
    public static java.util.List<String> strings(JsonObject json, String field, Violations violations) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof jakarta.json.JsonArray array) {
            java.util.List<String> items = new java.util.ArrayList<>();
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    items.add(s.getString());
                } else {
                    violations.add(field, "must be a list of strings");
                    return null;
                }
            }
            return items;
        }
        violations.add(field, "must be a list of strings");
        return null;
    }

    /** An ISO-8601 instant given as a string: null when absent or JSON null, a 400 (collected) otherwise. */
    public static java.time.Instant instant(JsonObject json, String field, Violations violations) {
        String text = string(json, field, violations);
        if (text == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(field, "must be an ISO-8601 instant such as 2027-03-01T00:00:00Z");
            return null;
        }
    }

    /** An integer field: null when JSON null, a 400 (collected) when another type. */
    public static Integer integer(JsonObject json, String field, Violations violations) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof jakarta.json.JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                // reported below
            }
        }
        violations.add(field, "must be a whole number");
        return null;
    }
}
