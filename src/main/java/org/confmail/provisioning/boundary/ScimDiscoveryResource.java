package org.confmail.provisioning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.confmail.provisioning.control.Scim;
import org.confmail.provisioning.control.ScimException;
import org.confmail.provisioning.control.ScimJson;
import org.confmail.security.Roles;

/**
 * What a client learns about this service provider before it provisions (RFC 7644 section 4): the features
 * ({@code ServiceProviderConfig}), the resource types (User, Group) and the schemas of their attributes, as confmail
 * keeps them.
 */
@Path("/")
@RequestScoped
@RolesAllowed(Roles.PROVISIONER)
@Produces({Scim.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimDiscoveryResource {

    private static final JsonArray SCHEMAS = readSchemas();

    @Context
    UriInfo uriInfo;

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig() {
        JsonObject config = Json.createObjectBuilder()
                .add("schemas", ScimJson.strings("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"))
                .add("documentationUri", "https://www.rfc-editor.org/rfc/rfc7644")
                .add("patch", supported(true))
                .add("bulk", Json.createObjectBuilder().add("supported", false).add("maxOperations", 0)
                        .add("maxPayloadSize", 0))
                .add("filter", Json.createObjectBuilder().add("supported", true)
                        .add("maxResults", Scim.MAX_RESULTS))
                .add("changePassword", supported(false))
                .add("sort", supported(false))
                .add("etag", supported(false))
                .add("authenticationSchemes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "oauthbearertoken").add("name", "API token")
                        .add("description", "Authorization: Bearer with the API token of a provisioner account")
                        .add("primary", true)))
                .add("meta", Json.createObjectBuilder().add("resourceType", "ServiceProviderConfig")
                        .add("location", uriInfo.getBaseUri().resolve("ServiceProviderConfig").toString()))
                .build();
        return Answers.ok(config);
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes() {
        return Answers.ok(list(List.of(resourceTypeOf("User"), resourceTypeOf("Group"))));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@PathParam("name") String name) {
        return Answers.ok(resourceTypeOf(name));
    }

    @GET
    @Path("Schemas")
    public Response schemas() {
        return Answers.ok(list(SCHEMAS.stream().map(s -> withMeta(s.asJsonObject(), "Schema",
                "Schemas/" + s.asJsonObject().getString("id"))).toList()));
    }

    @GET
    @Path("Schemas/{id}")
    public Response schema(@PathParam("id") String id) {
        return SCHEMAS.stream().map(JsonValue::asJsonObject).filter(s -> s.getString("id").equalsIgnoreCase(id))
                .findFirst().map(s -> Answers.ok(withMeta(s, "Schema", "Schemas/" + s.getString("id"))))
                .orElseThrow(() -> ScimException.notFound("There is no schema '" + excerpt(id) + "'."));
    }

    private JsonObject resourceTypeOf(String name) {
        String schema = switch (name) {
            case "User" -> Scim.USER_SCHEMA;
            case "Group" -> Scim.GROUP_SCHEMA;
            default -> throw ScimException.notFound("There is no resource type '" + excerpt(name) + "'.");
        };
        return Json.createObjectBuilder()
                .add("schemas", ScimJson.strings("urn:ietf:params:scim:schemas:core:2.0:ResourceType"))
                .add("id", name).add("name", name).add("endpoint", "/" + name + "s")
                .add("description", name.equals("User") ? "Conferencing users" : "Groups of users")
                .add("schema", schema).add("schemaExtensions", JsonValue.EMPTY_JSON_ARRAY)
                .add("meta", Json.createObjectBuilder().add("resourceType", "ResourceType")
                        .add("location", uriInfo.getBaseUri().resolve("ResourceTypes/" + name).toString()))
                .build();
    }

    private JsonObject withMeta(JsonObject object, String resourceType, String path) {
        JsonObjectBuilder builder = Json.createObjectBuilder(object);
        return builder.add("meta", Json.createObjectBuilder().add("resourceType", resourceType)
                .add("location", uriInfo.getBaseUri().resolve(path).toString())).build();
    }

    private static JsonObject list(List<JsonObject> resources) {
        return new Scim.Page(resources, resources.size(), 1).json();
    }

    private static JsonObject supported(boolean supported) {
        return Json.createObjectBuilder().add("supported", supported).build();
    }

    private static String excerpt(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static JsonArray readSchemas() {
        try (InputStream in = ScimDiscoveryResource.class.getResourceAsStream("/org/confmail/provisioning/schemas.json");
                JsonReader reader = Json.createReader(in)) {
            return reader.readArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
