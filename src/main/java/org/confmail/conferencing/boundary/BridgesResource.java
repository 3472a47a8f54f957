package org.confmail.conferencing.boundary;

import static org.confmail.platform.ApiExamples.*;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import java.util.Set;
import org.confmail.platform.ETags;
import org.confmail.platform.JsonBodies;
import org.confmail.platform.problem.Violations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.security.Roles;
import org.confmail.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bridges and their dial-in numbers. */
@Path("bridges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bridges")
public class BridgesResource {

    @Inject
    BridgeService bridges;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createBridge", summary = "Create a bridge; the first one becomes the default")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewBridge"),
            examples = @ExampleObject(name = "bridge", value = NEW_BRIDGE)))
    @APIResponse(responseCode = "201", description = "Created; Location is the bridge's address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "BridgeView"),
                    examples = @ExampleObject(name = "bridge", value = BRIDGE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidField", value = INVALID_BRIDGE),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", description = "A bridge has that name already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "nameTaken", value = BRIDGE_NAME_TAKEN)))
    public Response create(String body) {
        Bridge bridge = bridges.create(NewBodies.bridge(JsonBodies.object(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(bridge.id()).build())
                .entity(BridgeView.of(bridge)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listBridges", summary = "List bridges by name")
    @APIResponse(responseCode = "200", description = "Every bridge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "BridgeList"),
                    examples = @ExampleObject(name = "bridges", value = BRIDGES)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public List<BridgeView> list() {
        return bridges.list().stream().map(BridgeView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getBridge", summary = "Read a bridge")
    @APIResponse(responseCode = "200", description = "The bridge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "BridgeView"),
                    examples = @ExampleObject(name = "bridge", value = BRIDGE)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "There is no such bridge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "bridgeNotFound", value = BRIDGE_NOT_FOUND)))
    public BridgeView read(@PathParam("id") String id) {
        return BridgeView.of(bridges.find(id));
    }

    @POST
    @Path("{id}/service-numbers")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addServiceNumber", summary = "Add a dial-in number (E.164) to a bridge")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewServiceNumber"),
            examples = @ExampleObject(name = "tollNumber", value = NEW_SERVICE_NUMBER)))
    @APIResponse(responseCode = "201", description = "Created; the bridge's first toll number becomes its default",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ServiceNumberView"),
                    examples = @ExampleObject(name = "serviceNumber", value = SERVICE_NUMBER)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidField", value = INVALID_NUMBER),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "There is no such bridge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "bridgeNotFound", value = BRIDGE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The number is already a service number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "numberTaken", value = NUMBER_TAKEN)))
    public Response addNumber(@PathParam("id") String id, String body) {
        ServiceNumber number = bridges.addNumber(id, NewBodies.number(JsonBodies.object(body)), null);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(number.id()).build())
                .entity(ServiceNumberView.of(number)).build();
    }

    @GET
    @Path("{id}/service-numbers")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listServiceNumbers", summary = "List a bridge's dial-in numbers by country")
    @APIResponse(responseCode = "200", description = "The bridge's numbers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ServiceNumberList"),
                    examples = @ExampleObject(name = "serviceNumbers", value = SERVICE_NUMBERS)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "There is no such bridge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "bridgeNotFound", value = BRIDGE_NOT_FOUND)))
    public List<ServiceNumberView> numbers(@PathParam("id") String id) {
        return bridges.numbers(id).stream().map(ServiceNumberView::of).toList();
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateBridge",
            summary = "Rename a bridge, make it the default, or change its default toll number")
    @RequestBody(required = true, description = "An RFC 7396 merge-patch of the fields to change", content = {
        @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "BridgePatch"),
                examples = @ExampleObject(name = "rename", value = BRIDGE_PATCH)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BridgePatch"),
                examples = @ExampleObject(name = "rename", value = BRIDGE_PATCH))})
    @APIResponse(responseCode = "200", description = "The changed bridge; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "BridgeView"),
                    examples = @ExampleObject(name = "bridge", value = BRIDGE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or invalid values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidField", value = INVALID_BRIDGE_PATCH),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "There is no such bridge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "bridgeNotFound", value = BRIDGE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Another bridge has that name, or a concurrent change won",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "nameTaken", value = BRIDGE_NAME_TAKEN),
                @ExampleObject(name = "changedConcurrently", value = CHANGED_CONCURRENTLY)}))
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the bridge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "preconditionFailed", value = BRIDGE_PRECONDITION_FAILED)))
    public Response update(@PathParam("id") String id,
            @Parameter(description = "The ETag of the version you read; the change is refused (412) if it is not the"
                    + " current one", example = "\"3\"")
            @HeaderParam("If-Match") String ifMatch, String body) {
        JsonObject json = JsonBodies.object(body);
        Violations violations = new Violations();
        json.keySet().stream().filter(k -> !Set.of("name", "isDefault", "defaultTollNumber").contains(k))
                .forEach(k -> violations.add(k, "is not a field of a bridge that can be changed"));
        String name = JsonBodies.string(json, "name", violations);
        Boolean isDefault = JsonBodies.bool(json, "isDefault", violations);
        String toll = JsonBodies.string(json, "defaultTollNumber", violations);
        violations.throwIfAny();
        Bridge bridge = bridges.update(id, name, isDefault, toll, ETags.expectedVersion(ifMatch));
        return Response.ok(BridgeView.of(bridge)).tag(ETags.of(bridge.version())).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteBridge", summary = "Delete a bridge that no user uses, with its numbers")
    @APIResponse(responseCode = "204", description = "Deleted, with its numbers")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "There is no such bridge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "bridgeNotFound", value = BRIDGE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Users are on the bridge, or it is the default among several",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "bridgeInUse", value = BRIDGE_IN_USE)))
    public Response delete(@PathParam("id") String id) {
        bridges.delete(id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/service-numbers/{numberId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteServiceNumber", summary = "Delete a dial-in number that is nobody's default")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "There is no such bridge, or no such number on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "numberNotFound", value = NUMBER_NOT_FOUND),
                @ExampleObject(name = "bridgeNotFound", value = BRIDGE_NOT_FOUND)}))
    @APIResponse(responseCode = "409",
            description = "The number is a user's default or the bridge's default toll number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "numberInUse", value = NUMBER_IN_USE)))
    public Response deleteNumber(@PathParam("id") String id, @PathParam("numberId") String numberId) {
        bridges.deleteNumber(id, numberId, null);
        return Response.noContent().build();
    }
}
