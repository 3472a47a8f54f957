package org.confmail.conferencing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.confmail.conferencing.control.NewBridge;
import org.confmail.conferencing.control.NewServiceNumber;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Create a bridge; the first one becomes the default")
    public Response create(NewBridge input) {
        Bridge bridge = bridges.create(input);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(bridge.id()).build())
                .entity(BridgeView.of(bridge)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List bridges by name")
    public List<BridgeView> list() {
        return bridges.list().stream().map(BridgeView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Read a bridge")
    public BridgeView read(@PathParam("id") String id) {
        return BridgeView.of(bridges.find(id));
    }

    @POST
    @Path("{id}/service-numbers")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a dial-in number (E.164) to a bridge")
    public Response addNumber(@PathParam("id") String id, NewServiceNumber input) {
        ServiceNumber number = bridges.addNumber(id, input);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(number.id()).build())
                .entity(ServiceNumberView.of(number)).build();
    }

    @GET
    @Path("{id}/service-numbers")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List a bridge's dial-in numbers by country")
    public List<ServiceNumberView> numbers(@PathParam("id") String id) {
        return bridges.numbers(id).stream().map(ServiceNumberView::of).toList();
    }
}
