package org.confmail.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Tidies the OpenAPI document Payara builds from the annotations (registered as {@code mp.openapi.filter}); it
 * changes what {@code /openapi} shows, never what the API does.
 * <ul>
 * <li>Payara copies every attribute of a {@code @Schema} annotation into the document, unset ones included, so
 * annotated schemas claimed {@code maxProperties: 0}, {@code minItems: 2147483647} and the like: constraints no
 * request could meet. Those annotation defaults are dropped.</li>
 * <li>Payara also copies a list element's properties onto the list's own schema; they belong to its items only.
 * Parameter defaults arrive as strings whatever the parameter's type, and a tag shared by two resource classes
 * is listed twice. Those are put right.</li>
 * <li>{@code @ExampleObject} values are strings; for JSON media types they become the JSON they spell, so that
 * tools show an object rather than a string of escaped JSON.</li>
 * </ul>
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getTags() != null) {
            // One entry per tag, however many resource classes share it.
            Map<String, Tag> tags = new LinkedHashMap<>();
            api.getTags().forEach(tag -> tags.putIfAbsent(tag.getName(), tag));
            api.setTags(new ArrayList<>(tags.values()));
        }
        if (api.getComponents() != null) {
            values(api.getComponents().getSchemas()).forEach(OpenApiFilter::tidy);
            values(api.getComponents().getResponses()).forEach(OpenApiFilter::tidy);
        }
        if (api.getPaths() != null) {
            values(api.getPaths().getPathItems()).forEach(OpenApiFilter::tidy);
        }
    }

    private static void tidy(PathItem item) {
        values(item.getOperations()).forEach(OpenApiFilter::tidy);
        list(item.getParameters()).forEach(OpenApiFilter::tidy);
    }

    private static void tidy(Operation operation) {
        list(operation.getParameters()).forEach(OpenApiFilter::tidy);
        if (operation.getRequestBody() != null) {
            tidy(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
            values(operation.getResponses().getAPIResponses()).forEach(OpenApiFilter::tidy);
        }
    }

    private static void tidy(Parameter parameter) {
        tidy(parameter.getSchema());
        tidy(parameter.getContent());
    }

    private static void tidy(APIResponse response) {
        tidy(response.getContent());
    }

    private static void tidy(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((name, media) -> {
            tidy(media.getSchema());
            if (name.contains("json")) {
                parseExamples(media);
            }
        });
    }

    private static void parseExamples(MediaType media) {
        media.setExample(parsed(media.getExample()));
        for (Example example : values(media.getExamples()).toList()) {
            example.setValue(parsed(example.getValue()));
        }
    }

    /** Drops the values that are a {@code @Schema} annotation's defaults, not constraints anyone wrote. */
    private static void tidy(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() <= 0) {
            schema.setMultipleOf(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMaxLength())) {
            schema.setMaxLength(null);
        }
        if (schema.getMaxItems() != null && schema.getMaxItems() < 0) {
            schema.setMaxItems(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMinItems())) {
            schema.setMinItems(null);
        }
        if (schema.getMaxProperties() != null && schema.getMaxProperties() <= 0) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (schema.getDefaultValue() instanceof String text) {
            // @DefaultValue("50") on an int parameter arrives as the string "50".
            try {
                if (types.contains(Schema.SchemaType.INTEGER)) {
                    schema.setDefaultValue(Long.valueOf(text.strip()));
                } else if (types.contains(Schema.SchemaType.NUMBER)) {
                    schema.setDefaultValue(new BigDecimal(text.strip()));
                } else if (types.contains(Schema.SchemaType.BOOLEAN)) {
                    schema.setDefaultValue(Boolean.valueOf(text.strip()));
                }
            } catch (NumberFormatException e) {
                // leave it as written
            }
        }
        if (types.contains(Schema.SchemaType.ARRAY) && schema.getItems() != null) {
            // Payara copies the element type's properties onto a list's schema as well as into its items.
            schema.setProperties(null);
        }
        values(schema.getProperties()).forEach(OpenApiFilter::tidy);
        tidy(schema.getItems());
        tidy(schema.getNot());
        tidy(schema.getAdditionalPropertiesSchema());
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .forEach(schemas -> list(schemas).forEach(OpenApiFilter::tidy));
    }

    /** A string holding a JSON object or array becomes that JSON; anything else stays as it is. */
    private static Object parsed(Object example) {
        if (!(example instanceof String text) || !(text.strip().startsWith("{") || text.strip().startsWith("["))) {
            return example;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return plain(reader.readValue());
        } catch (JsonParsingException e) {
            return example;
        }
    }

    /** JSON-P values as the maps, lists and scalars the document writer knows how to write. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((key, item) -> map.put(key, plain(item)));
                yield map;
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                ((JsonArray) value).forEach(item -> items.add(plain(item)));
                yield items;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                yield number.isIntegral() ? (Object) number.longValue() : (Object) new BigDecimal(number.toString());
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static <V> Stream<V> values(Map<?, V> map) {
        return map == null ? Stream.empty() : map.values().stream();
    }

    private static <V> Stream<V> list(List<V> list) {
        return list == null ? Stream.empty() : list.stream();
    }
}
