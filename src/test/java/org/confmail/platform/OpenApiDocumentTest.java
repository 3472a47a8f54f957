package org.confmail.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.confmail.audit.boundary.AuditEventView;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.conferencing.boundary.BridgeView;
import org.confmail.conferencing.boundary.MeetingView;
import org.confmail.conferencing.boundary.ServiceNumberView;
import org.confmail.conferencing.boundary.UserView;
import org.confmail.conferencing.boundary.UsersResource;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.conferencing.control.UserActions;
import org.confmail.conferencing.control.UserImports;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.Provider;
import org.confmail.jitsi.boundary.JitsiApplication;
import org.confmail.jitsi.control.ConferenceMapper;
import org.confmail.mail.boundary.BulkResource;
import org.confmail.mail.boundary.EmailView;
import org.confmail.mail.boundary.SendAccepted;
import org.confmail.mail.control.BulkSendService;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.EmailStatus;
import org.confmail.platform.problem.Problem;
import org.confmail.security.Roles;
import org.confmail.security.boundary.AccountView;
import org.confmail.security.boundary.TokenView;
import org.confmail.security.control.ApiTokens;
import org.confmail.security.control.PasswordHashing;
import org.confmail.security.entity.ApiToken;
import org.confmail.tenant.boundary.DialInSettingsView;
import org.confmail.tenant.control.DialInSettingsService;
import org.junit.jupiter.api.Test;

/**
 * {@code META-INF/openapi.yaml} is written by hand and is the only description of the API, so this test holds it to
 * the code: the operations and parameters of the JAX-RS resources, the fields of the records the API answers, and
 * the limits and enumerations the services state (read from their Java constants, so each is stated once in Java).
 * {@code OpenApiIT} holds its examples to the real answers.
 */
@SuppressWarnings("unchecked")
class OpenApiDocumentTest {

    private final OpenApiDocument document = OpenApiDocument.load();

    /** A resource method and where it is served. */
    record Endpoint(String operation, Class<?> resource, Method method) {
    }

    /** The records the API answers, and the schema that describes each. */
    private static final Map<Class<?>, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put(UserView.class, "UserView");
        VIEWS.put(UsersResource.PinResetView.class, "PinResetView");
        VIEWS.put(UsersResource.ConferenceIdResetView.class, "ConferenceIdResetView");
        VIEWS.put(MeetingView.class, "MeetingView");
        VIEWS.put(DialInInfo.Number.class, "DialInNumber");
        VIEWS.put(UserImports.Outcome.class, "UserImportOutcome");
        VIEWS.put(UserImports.LineError.class, "UserImportLineError");
        VIEWS.put(BridgeView.class, "BridgeView");
        VIEWS.put(ServiceNumberView.class, "ServiceNumberView");
        VIEWS.put(DialInSettingsView.class, "DialInSettingsView");
        VIEWS.put(EmailView.class, "EmailView");
        VIEWS.put(SendAccepted.class, "SendAccepted");
        VIEWS.put(BulkResource.JobAccepted.class, "JobAccepted");
        VIEWS.put(BulkSendService.Progress.class, "Progress");
        VIEWS.put(AccountView.class, "AccountView");
        VIEWS.put(TokenView.class, "TokenView");
        VIEWS.put(TokenView.Issued.class, "IssuedToken");
        VIEWS.put(AuditEventView.class, "AuditEventView");
        VIEWS.put(Problem.FieldError.class, "FieldError");
    }

    /** The pages of a list ({@link Page}), by the schema of their items. */
    private static final Map<String, String> PAGES = Map.of("UserPage", "UserView", "EmailPage", "EmailView",
            "AccountPage", "AccountView", "AuditPage", "AuditEventView");

    @Test
    void everyResourceMethodIsDocumentedAndEveryDocumentedOperationExists() {
        TreeSet<String> served = new TreeSet<>(endpoints().keySet());
        TreeSet<String> documented = new TreeSet<>(document.operations().keySet());
        assertEquals(served, documented, "the resource methods and the operations of openapi.yaml");
    }

    @Test
    void scimStaysOutOfTheDocument() {
        assertTrue(document.operations().keySet().stream().noneMatch(operation -> operation.contains("/scim")),
                "SCIM describes itself (/scim/v2/Schemas, /ResourceTypes)");
    }

    @Test
    void everyParameterIsDocumentedAndEveryDocumentedParameterIsRead() {
        endpoints().forEach((operation, endpoint) -> {
            Set<String> read = new TreeSet<>();
            for (java.lang.reflect.Parameter parameter : endpoint.method().getParameters()) {
                if (parameter.getAnnotation(PathParam.class) instanceof PathParam p) {
                    read.add("path " + p.value());
                } else if (parameter.getAnnotation(QueryParam.class) instanceof QueryParam q) {
                    read.add("query " + q.value());
                } else if (parameter.getAnnotation(HeaderParam.class) instanceof HeaderParam h) {
                    read.add("header " + h.value());
                }
            }
            Set<String> documented = new TreeSet<>();
            for (Map<String, Object> parameter : document.parameters(document.operation(operation))) {
                documented.add(parameter.get("in") + " " + parameter.get("name"));
                assertNotNull(parameter.get("schema"), operation + " " + parameter.get("name") + " has a schema");
                if ("path".equals(parameter.get("in"))) {
                    assertEquals(Boolean.TRUE, parameter.get("required"), operation + " path parameters are required");
                }
            }
            assertEquals(read, documented, operation + ": the parameters the method reads and those documented");
        });
    }

    @Test
    void requestBodiesAreDocumentedWithTheMediaTypesTheMethodsRead() {
        int bodies = 0;
        for (var entry : endpoints().entrySet()) {
            String operation = entry.getKey();
            Method method = entry.getValue().method();
            boolean readsBody = Arrays.stream(method.getParameters()).anyMatch(p -> p.getAnnotations().length == 0);
            Map<String, Object> body = (Map<String, Object>) document.operation(operation).get("requestBody");
            assertEquals(readsBody, body != null, operation + " reads a body exactly when one is documented");
            if (body == null) {
                continue;
            }
            bodies++;
            Consumes consumes = method.getAnnotation(Consumes.class) != null ? method.getAnnotation(Consumes.class)
                    : entry.getValue().resource().getAnnotation(Consumes.class);
            assertNotNull(consumes, operation + " says what it reads");
            Map<String, Object> content = OpenApiDocument.map(body, "content");
            assertEquals(new TreeSet<>(List.of(consumes.value())), new TreeSet<>(content.keySet()),
                    operation + ": the media types it reads");
            content.forEach((mediaType, media) -> assertFalse(
                    ((Map<String, Object>) OpenApiDocument.map((Map<String, Object>) media, "examples")).isEmpty(),
                    operation + " " + mediaType + " has an example"));
        }
        assertEquals(14, bodies, "operations that take a body");
    }

    @Test
    void answersAreDocumentedInTheMediaTypesTheMethodsWrite() {
        endpoints().forEach((operation, endpoint) -> {
            Produces produces = endpoint.method().getAnnotation(Produces.class) != null
                    ? endpoint.method().getAnnotation(Produces.class) : endpoint.resource().getAnnotation(Produces.class);
            Map<String, Object> responses = OpenApiDocument.map(document.operation(operation), "responses");
            List<String> successes = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            assertEquals(1, successes.size(), operation + " documents its success: " + responses.keySet());
            Map<String, Object> success = document.resolve(responses.get(successes.get(0)));
            if (success.get("content") instanceof Map<?, ?> content) {
                assertEquals(Set.of(produces.value()), content.keySet(), operation + " answers what it produces");
            } else {
                assertEquals("204", successes.get(0), operation + " answers a body");
            }
        });
    }

    @Test
    void viewSchemasHaveTheRecordsFieldsWithTheirJsonTypes() {
        VIEWS.forEach((type, schemaName) -> assertSchemaDescribes(type, schemaName));
        PAGES.forEach((page, items) -> {
            Map<String, Object> properties = OpenApiDocument.map(document.schema(page), "properties");
            assertEquals(componentNames(Page.class), List.copyOf(properties.keySet()), page + " is a Page");
            assertEquals("#/components/schemas/" + items,
                    ((Map<String, Object>) ((Map<String, Object>) properties.get("items")).get("items")).get("$ref"),
                    page + " lists " + items);
        });
    }

    private void assertSchemaDescribes(Class<?> type, String schemaName) {
        Map<String, Object> properties = OpenApiDocument.map(document.schema(schemaName), "properties");
        assertEquals(componentNames(type), List.copyOf(properties.keySet()),
                schemaName + " has the fields of " + type.getName() + ", in their order");
        for (RecordComponent component : type.getRecordComponents()) {
            Map<String, Object> property = (Map<String, Object>) properties.get(component.getName());
            assertEquals(jsonType(component.getGenericType()), describedType(property),
                    schemaName + "." + component.getName());
        }
    }

    /** The JSON type JSON-B writes for a Java type, as a schema would name it. */
    private static String jsonType(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return "array of " + jsonType(list.getActualTypeArguments()[0]);
        }
        if (type == String.class) {
            return "string";
        }
        if (type == Instant.class) {
            return "string date-time";
        }
        if (type == int.class || type == Integer.class) {
            return "integer";
        }
        if (type == long.class || type == Long.class) {
            return "integer int64";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (VIEWS.containsKey(type)) {
            return "#/components/schemas/" + VIEWS.get(type);
        }
        throw new AssertionError("no JSON type known for " + type);
    }

    private static String describedType(Map<String, Object> property) {
        if (property.get("$ref") instanceof String ref) {
            return ref;
        }
        String type = (String) property.get("type");
        if ("array".equals(type)) {
            return "array of " + describedType((Map<String, Object>) property.get("items"));
        }
        if ("string".equals(type) && "date-time".equals(property.get("format"))) {
            return "string date-time";
        }
        if ("integer".equals(type) && "int64".equals(property.get("format"))) {
            return "integer int64";
        }
        return type;
    }

    @Test
    void theLimitsTheServicesStateAreTheSchemasLimits() {
        Map<String, Object> expected = new TreeMap<>();
        expected.put("parameters/size maximum", Paging.MAX_SIZE);
        expected.put("parameters/size minimum", 1);
        expected.put("parameters/page minimum", 0);
        expected.put("BulkRequest.userPrincipalNames maxItems", BulkSendService.MAX_LISTED);
        expected.put("NewBridge.name maxLength", BridgeService.MAX_NAME_LENGTH);
        expected.put("BridgePatch.name maxLength", BridgeService.MAX_NAME_LENGTH);
        expected.put("NewServiceNumber.city maxLength", BridgeService.MAX_CITY_LENGTH);
        for (String user : List.of("NewUser", "UserPatch")) {
            expected.put(user + ".displayName maxLength", UserService.MAX_DISPLAY_NAME_LENGTH);
            expected.put(user + ".thirdPartyProviderName maxLength", UserService.MAX_THIRD_PARTY_NAME_LENGTH);
            expected.put(user + ".conferenceId minLength", DialInSettingsService.MIN_CONFERENCE_ID_LENGTH);
            expected.put(user + ".conferenceId maxLength", DialInSettingsService.MAX_CONFERENCE_ID_LENGTH);
        }
        expected.put("DialInSettingsPatch.pinLength minimum", DialInSettingsService.MIN_PIN_LENGTH);
        expected.put("DialInSettingsPatch.pinLength maximum", DialInSettingsService.MAX_PIN_LENGTH);
        expected.put("DialInSettingsPatch.conferenceIdLength minimum", DialInSettingsService.MIN_CONFERENCE_ID_LENGTH);
        expected.put("DialInSettingsPatch.conferenceIdLength maximum", DialInSettingsService.MAX_CONFERENCE_ID_LENGTH);
        expected.put("DialInSettingsPatch.sendEmailFromDisplayName maxLength",
                DialInSettingsService.MAX_SENDER_NAME_LENGTH);
        expected.put("MeetingRequest.subject maxLength", UserActions.MAX_MEETING_SUBJECT_LENGTH);
        for (String password : List.of("NewAccount", "PasswordReset")) {
            expected.put(password + ".password minLength", PasswordHashing.MIN_LENGTH);
            expected.put(password + ".password maxLength", PasswordHashing.MAX_LENGTH);
        }
        expected.put("NewApiToken.name maxLength", ApiTokens.MAX_NAME_LENGTH);
        Map<String, Object> documented = new TreeMap<>();
        expected.keySet().forEach(limit -> documented.put(limit, limit(limit)));
        assertEquals(expected, documented, "the limits in openapi.yaml");

        Map<String, Object> mapper = document.parameters(document.operation("GET /jitsi/conference-mapper")).stream()
                .filter(p -> p.get("name").equals("conference")).findFirst().orElseThrow();
        assertEquals(ConferenceMapper.MAX_PARAMETER_LENGTH,
                ((Map<String, Object>) mapper.get("schema")).get("maxLength"), "conference maxLength");
        // Limits that only words can state: the numbers must be the Java ones.
        assertMentions(document.operation("POST /api/v1/user-imports").get("summary"), UserImports.MAX_LINES);
        assertMentions(document.resolve(Map.of("$ref", "#/components/parameters/page")).get("description"),
                Paging.MAX_OFFSET);
        String expiry = (String) property("NewApiToken", "expiresAt").get("description");
        assertMentions(expiry, ApiTokens.DEFAULT_LIFETIME.toDays() + " days");
        assertMentions(expiry, ApiTokens.MAX_LIFETIME.toDays() + " days");
    }

    @Test
    void enumerationsAreTheJavaOnes() {
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put("NewAccount.roles", Roles.ALL);
        expected.put("AccountPatch.roles", Roles.ALL);
        expected.put("NewApiToken.role", Roles.ALL);
        expected.put("DialInSettingsPatch.defaultLanguage", Languages.SUPPORTED);
        for (String user : List.of("NewUser", "UserPatch", "UserView")) {
            expected.put(user + ".provider", names(Provider.values()));
        }
        expected.put("EmailView.kind", names(EmailKind.values()));
        expected.put("EmailView.status", names(EmailStatus.values()));
        for (String number : List.of("NewServiceNumber", "ServiceNumberView", "DialInNumber")) {
            expected.put(number + ".type", names(NumberType.values()));
        }
        expected.put("TokenView.status", names(ApiToken.Status.values()));
        expected.put("AuditEventView.outcome", names(AuditOutcome.values()));
        Map<String, Object> documented = new TreeMap<>();
        expected.keySet().forEach(field -> {
            String[] parts = field.split("\\.");
            Map<String, Object> property = property(parts[0], parts[1]);
            if ("array".equals(property.get("type"))) {
                property = (Map<String, Object>) property.get("items");
            }
            documented.put(field, property.get("enum"));
        });
        assertEquals(expected, documented, "the enumerations in openapi.yaml");
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new java.util.ArrayList<>();
        collectReferences(document.root(), references);
        assertFalse(references.isEmpty());
        references.forEach(ref -> assertNotNull(document.resolve(Map.of("$ref", ref)), ref));
    }

    @Test
    void everyOperationHasASummaryAnIdAndATag() {
        Set<String> ids = new TreeSet<>();
        document.operations().forEach((operation, described) -> {
            assertFalse(((String) described.getOrDefault("summary", "")).isBlank(), operation + " has a summary");
            assertTrue(ids.add((String) described.get("operationId")), operation + " has its own operationId");
            assertFalse(((List<String>) described.getOrDefault("tags", List.of())).isEmpty(), operation + " tag");
        });
    }

    /** Every operation of both JAX-RS applications, as "METHOD /path". */
    private static Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (Application application : List.of(new ConfmailApplication(), new JitsiApplication())) {
            String root = "/" + application.getClass().getAnnotation(ApplicationPath.class).value();
            for (Class<?> resource : application.getClasses()) {
                Path classPath = resource.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : resource.getMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod == null) {
                        continue;
                    }
                    Path methodPath = method.getAnnotation(Path.class);
                    String path = Stream.of(root, classPath.value(), methodPath == null ? "" : methodPath.value())
                            .flatMap(part -> Arrays.stream(part.split("/"))).filter(part -> !part.isEmpty())
                            .collect(Collectors.joining("/", "/", ""));
                    Endpoint previous = endpoints.put(httpMethod + " " + path, new Endpoint(httpMethod + " " + path,
                            resource, method));
                    assertEquals(null, previous, httpMethod + " " + path + " is served once");
                }
            }
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private Map<String, Object> property(String schema, String name) {
        Map<String, Object> property = (Map<String, Object>) OpenApiDocument.map(document.schema(schema),
                "properties").get(name);
        assertNotNull(property, schema + "." + name + " is documented");
        return property;
    }

    /** "Schema.property keyword" or "parameters/name keyword": the keyword's value in the document. */
    private Object limit(String limit) {
        String[] parts = limit.split(" ");
        if (parts[0].startsWith("parameters/")) {
            Map<String, Object> parameter = document.resolve(Map.of("$ref", "#/components/" + parts[0]));
            return ((Map<String, Object>) parameter.get("schema")).get(parts[1]);
        }
        String[] field = parts[0].split("\\.");
        return property(field[0], field[1]).get(parts[1]);
    }

    private static void assertMentions(Object text, Object number) {
        String written = number instanceof Integer n ? NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n)
                : number.toString();
        assertTrue(String.valueOf(text).contains(written), "'" + text + "' states " + written);
    }

    private static void collectReferences(Object node, List<String> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    references.add((String) value);
                } else {
                    collectReferences(value, references);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, references));
        }
    }
}
