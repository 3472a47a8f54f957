package org.confmail.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** {@code META-INF/openapi.yaml}, the one description of the API, as plain maps and lists for the tests. */
@SuppressWarnings("unchecked")
public final class OpenApiDocument {

    public static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    private final Map<String, Object> root;

    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    /** The source, {@code META-INF/openapi.yaml} on the class path. */
    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/openapi.yaml is not on the class path");
            }
            return new OpenApiDocument(parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document as a server served it, in YAML or JSON (which is YAML too). */
    public static OpenApiDocument of(String text) {
        return new OpenApiDocument(parse(text));
    }

    /** YAML or JSON as maps, lists, strings, numbers, booleans and nulls; timestamps stay strings, as in JSON. */
    public static <T> T parse(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()) {
            {
                yamlConstructors.put(org.yaml.snakeyaml.nodes.Tag.TIMESTAMP,
                        yamlConstructors.get(org.yaml.snakeyaml.nodes.Tag.STR));
            }
        });
        return yaml.load(text);
    }

    public Map<String, Object> root() {
        return root;
    }

    /** Every operation, as "METHOD /path" (the path as the document writes it), in the document's order. */
    public Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        map(root, "paths").forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase() + " " + path, (Map<String, Object>) operation);
            }
        }));
        return operations;
    }

    public Map<String, Object> operation(String operation) {
        Map<String, Object> found = operations().get(operation);
        if (found == null) {
            throw new AssertionError(operation + " is not in openapi.yaml");
        }
        return found;
    }

    public Map<String, Object> schema(String name) {
        return map(map(map(root, "components"), "schemas"), name);
    }

    /** The node a {@code $ref} names (followed until it is no reference), or the node itself. */
    public Map<String, Object> resolve(Object node) {
        Map<String, Object> current = (Map<String, Object>) node;
        while (current != null && current.get("$ref") instanceof String ref) {
            Object target = root;
            for (String part : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(part);
                if (target == null) {
                    throw new AssertionError(ref + " resolves to nothing");
                }
            }
            current = (Map<String, Object>) target;
        }
        return current;
    }

    /** The parameters of an operation, resolved. */
    public List<Map<String, Object>> parameters(Map<String, Object> operation) {
        List<Object> parameters = (List<Object>) operation.getOrDefault("parameters", List.of());
        return parameters.stream().map(this::resolve).toList();
    }

    /** The response of an operation for a status code, resolved; null when it is not documented. */
    public Map<String, Object> response(String operation, int status) {
        Map<String, Object> responses = map(operation(operation), "responses");
        Object response = responses.get(String.valueOf(status));
        return response == null ? null : resolve(response);
    }

    /** The examples of a response for a media type, by name, their values resolved. */
    public Map<String, Object> examples(Map<String, Object> response, String mediaType) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        Map<String, Object> media = content == null ? null : (Map<String, Object>) content.get(mediaType);
        if (media != null && media.get("examples") instanceof Map<?, ?> examples) {
            examples.forEach((name, example) -> values.put((String) name, resolve(example).get("value")));
        }
        return values;
    }

    public static Map<String, Object> map(Map<String, Object> node, String key) {
        Object value = node.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("no " + key + " in " + node.keySet());
        }
        return (Map<String, Object>) value;
    }
}
