package org.confmail.conferencing.boundary;


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

/** Bridges and their dial-in numbers. */
@Path("bridges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BridgesResource {

    @Inject
    BridgeService bridges;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(String body) {
        Bridge bridge = bridges.create(NewBodies.bridge(JsonBodies.object(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(bridge.id()).build())
                .entity(BridgeView.of(bridge)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public List<BridgeView> list() {
        return bridges.list().stream().map(BridgeView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public BridgeView read(@PathParam("id") String id) {
        return BridgeView.of(bridges.find(id));
    }

    @POST
    @Path("{id}/service-numbers")
    @RolesAllowed(Roles.ADMIN)
    public Response addNumber(@PathParam("id") String id, String body) {
        ServiceNumber number = bridges.addNumber(id, NewBodies.number(JsonBodies.object(body)), null);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(number.id()).build())
                .entity(ServiceNumberView.of(number)).build();
    }

    @GET
    @Path("{id}/service-numbers")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public List<ServiceNumberView> numbers(@PathParam("id") String id) {
        return bridges.numbers(id).stream().map(ServiceNumberView::of).toList();
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("id") String id,
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
    public Response delete(@PathParam("id") String id) {
        bridges.delete(id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/service-numbers/{numberId}")
    @RolesAllowed(Roles.ADMIN)
    public Response deleteNumber(@PathParam("id") String id, @PathParam("numberId") String numberId) {
        bridges.deleteNumber(id, numberId, null);
        return Response.noContent().build();
    }
}
