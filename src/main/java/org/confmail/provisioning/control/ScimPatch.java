package org.confmail.provisioning.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a SCIM PATCH request (RFC 7644 section 3.5.2) to a resource's values ({@link ScimJson} form), the way the
 * identity providers in use send it, not only the RFC's examples: operation names in any case ("Replace"), a
 * {@code value} object without a {@code path} whose keys are paths themselves ({@code "name.givenName"}), paths with
 * filters ({@code emails[type eq "work"].value}) that create the value they name when there is none yet, and a
 * {@code remove} of {@code members} with the members to remove as its value. The caller then reads the changed
 * values as it reads a PUT, so a PATCH can do nothing a PUT could not.
 */
public final class ScimPatch {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final int MAX_OPERATIONS = 1000;

    private ScimPatch() {
    }

    /** Applies every operation of the request to {@code resource}, in order. */
    public static void apply(Map<String, Object> resource, JsonObject request) {
        Map<String, Object> body = ScimJson.modelObject(request);
        Object operations = body.get("operations");
        if (!(operations instanceof List<?> list)) {
            throw ScimException.invalidSyntax("A PATCH request needs \"Operations\": a list of {\"op\", \"path\","
                    + " \"value\"} objects.");
        }
        if (list.size() > MAX_OPERATIONS) {
            throw ScimException.invalidSyntax("A PATCH request may hold at most " + MAX_OPERATIONS
                    + " operations.");
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> operation)) {
                throw ScimException.invalidSyntax("Each of \"Operations\" must be an object.");
            }
            Object op = operation.get("op");
            Object path = operation.get("path");
            if (!(op instanceof String name)) {
                throw ScimException.invalidSyntax("Each operation needs \"op\": add, replace or remove.");
            }
            if (path != null && !(path instanceof String)) {
                throw ScimException.invalidPath("\"path\" must be a string.");
            }
            apply(resource, name.strip().toLowerCase(Locale.ROOT), (String) path, operation.get("value"),
                    operation.containsKey("value"));
        }
    }

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> resource, String op, String pathText, Object value, boolean hasValue) {
        if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
            throw ScimException.invalidSyntax("\"op\" must be add, replace or remove, not '" + op + "'.");
        }
        if (!op.equals("remove") && !hasValue) {
            throw ScimException.invalidValue("The " + op + " operation needs a \"value\".");
        }
        if (pathText == null || pathText.isBlank()) {
            if (op.equals("remove")) {
                throw ScimException.noTarget("The remove operation needs a \"path\".");
            }
            if (!(value instanceof Map<?, ?> values)) {
                throw ScimException.invalidValue("Without a \"path\", the value of " + op
                        + " must be an object of attributes.");
            }
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) values).entrySet()) {
                String key = entry.getKey();
                if (key.startsWith("urn:") && entry.getValue() instanceof Map<?, ?> extension
                        && ScimFilter.CORE_SCHEMAS.stream().noneMatch(key::startsWith)) {
                    // An extension's attributes, grouped under its URN.
                    Map<String, Object> target = (Map<String, Object>) resource.computeIfAbsent(key,
                            k -> new LinkedHashMap<>());
                    target.putAll((Map<String, Object>) extension);
                } else {
                    applyPath(resource, op, ScimFilter.parsePath(key), entry.getValue());
                }
            }
            return;
        }
        applyPath(resource, op, ScimFilter.parsePath(pathText), value);
    }

    @SuppressWarnings("unchecked")
    private static void applyPath(Map<String, Object> resource, String op, ScimFilter.Path path, Object value) {
        String attribute = path.attribute();
        Object current = resource.get(attribute);
        if (path.filter() == null && path.subAttribute() == null) {
            switch (op) {
                case "add" -> {
                    if (current instanceof List<?> || value instanceof List<?>) {
                        List<Object> merged = current instanceof List<?> list ? new ArrayList<>(list)
                                : current == null ? new ArrayList<>() : new ArrayList<>(List.of(current));
                        for (Object item : value instanceof List<?> list ? list : List.of(value)) {
                            if (merged.stream().noneMatch(existing -> sameValue(existing, item))) {
                                merged.add(item);
                            }
                        }
                        resource.put(attribute, merged);
                    } else if (current instanceof Map<?, ?> map && value instanceof Map<?, ?> more) {
                        ((Map<String, Object>) map).putAll((Map<String, Object>) more);
                    } else {
                        resource.put(attribute, value);
                    }
                }
                case "replace" -> {
                    if (current instanceof Map<?, ?> map && value instanceof Map<?, ?> more) {
                        ((Map<String, Object>) map).putAll((Map<String, Object>) more);
                    } else {
                        resource.put(attribute, value);
                    }
                }
                default -> {
                    if (current instanceof List<?> list && value != null) {
                        // Entra ID removes members as {"op":"Remove","path":"members","value":[{"value":"id"}]}.
                        List<Object> gone = value instanceof List<?> l ? (List<Object>) l : List.of(value);
                        List<Object> kept = new ArrayList<>(list);
                        kept.removeIf(existing -> gone.stream().anyMatch(g -> sameValue(existing, g)));
                        resource.put(attribute, kept);
                    } else {
                        resource.remove(attribute);
                    }
                }
            }
            return;
        }
        if (path.filter() == null) {
            // attribute.sub: inside a complex attribute, or (multi-valued) in its primary or first value.
            String sub = path.subAttribute();
            Map<String, Object> target;
            if (current instanceof List<?> list) {
                if (op.equals("remove")) {
                    list.forEach(v -> {
                        if (v instanceof Map<?, ?> m) {
                            m.remove(sub);
                        }
                    });
                    return;
                }
                target = primaryOrFirst((List<Object>) list);
                if (target == null) {
                    target = new LinkedHashMap<>();
                    ((List<Object>) list).add(target);
                }
            } else if (current instanceof Map<?, ?> map) {
                target = (Map<String, Object>) map;
            } else if (current == null) {
                if (op.equals("remove")) {
                    return;
                }
                target = new LinkedHashMap<>();
                resource.put(attribute, target);
            } else {
                throw ScimException.invalidPath("'" + attribute + "' has no sub-attribute '" + sub + "'.");
            }
            if (op.equals("remove")) {
                target.remove(sub);
            } else {
                target.put(sub, value);
            }
            return;
        }
        // attribute[filter] or attribute[filter].sub
        if (current != null && !(current instanceof List<?>)) {
            throw ScimException.invalidPath("'" + attribute + "' is not multi-valued: it cannot take a filter.");
        }
        List<Object> values = current == null ? new ArrayList<>() : new ArrayList<>((List<Object>) current);
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Object item : values) {
            if (item instanceof Map<?, ?> map && ScimFilter.matches(path.filter(), (Map<String, Object>) map)) {
                matching.add((Map<String, Object>) map);
            }
        }
        if (op.equals("remove")) {
            if (path.subAttribute() == null) {
                values.removeIf(item -> matching.stream().anyMatch(m -> m == item));
            } else {
                matching.forEach(m -> m.remove(path.subAttribute()));
            }
            resource.put(attribute, values);
            return;
        }
        if (matching.isEmpty()) {
            // What identity providers expect of replace emails[type eq "work"].value on a user without one: the
            // value is created, with the filter's own equalities (type "work") as its other sub-attributes.
            Map<String, Object> created = equalities(path.filter());
            if (created == null) {
                throw ScimException.noTarget("No value of '" + attribute + "' matches the path's filter.");
            }
            values.add(created);
            matching.add(created);
        }
        for (Map<String, Object> target : matching) {
            if (path.subAttribute() != null) {
                target.put(path.subAttribute(), value);
            } else if (value instanceof Map<?, ?> map) {
                if (op.equals("replace")) {
                    Map<String, Object> kept = equalities(path.filter());
                    target.clear();
                    if (kept != null) {
                        target.putAll(kept);
                    }
                }
                target.putAll((Map<String, Object>) map);
            } else {
                throw ScimException.invalidValue("The value for '" + attribute + "[...]' must be an object.");
            }
        }
        resource.put(attribute, values);
    }

    /** The attribute/value pairs of a filter made only of {@code eq} joined by {@code and}; null otherwise. */
    private static Map<String, Object> equalities(ScimFilter filter) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        return collect(filter, pairs) ? pairs : null;
    }

    private static boolean collect(ScimFilter filter, Map<String, Object> pairs) {
        if (filter instanceof ScimFilter.And and) {
            return collect(and.left(), pairs) && collect(and.right(), pairs);
        }
        if (filter instanceof ScimFilter.Compare compare && compare.operator().equals("eq")
                && compare.path().subAttribute() == null && compare.value().getValueType() != JsonValue.ValueType.NULL) {
            pairs.put(compare.path().attribute(), ScimJson.model(compare.value()));
            return true;
        }
        return false;
    }

    private static Map<String, Object> primaryOrFirst(List<Object> values) {
        Map<String, Object> first = null;
        for (Object v : values) {
            if (v instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) map;
                if (Boolean.TRUE.equals(ScimJson.bool(m.get("primary")))) {
                    return m;
                }
                if (first == null) {
                    first = m;
                }
            }
        }
        return first;
    }

    /** Two values of a multi-valued attribute are one when equal, or when they are objects with one "value". */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y && x.get("value") != null) {
            return Objects.equals(String.valueOf(x.get("value")), String.valueOf(y.get("value")));
        }
        return Objects.equals(a, b);
    }
}
