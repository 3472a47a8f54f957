package org.confmail.provisioning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.confmail.provisioning.control.Scim;
import org.confmail.provisioning.control.ScimGroups;
import org.confmail.provisioning.control.ScimJson;
import org.confmail.security.Roles;

/**
 * {@code /scim/v2/Groups}: create, read, replace, patch (members added and removed), delete and list. {@code
 * excludedAttributes=members}, as Entra ID asks, leaves a large group's members out of the answer (and out of the
 * work of making it).
 */
@Path("Groups")
@RequestScoped
@RolesAllowed(Roles.PROVISIONER)
@Produces({Scim.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimGroupsResource {

    @Inject
    ScimGroups groups;

    @Context
    UriInfo uriInfo;

    @POST
    public Response create(String body) {
        return ScimErrors.scim(() -> {
            return Answers.created(groups.create(ScimJson.object(body), base()));
        });
    }

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        return ScimErrors.scim(() -> {
            Scim.Page page = groups.list(filter, Scim.Window.of(startIndex, count), base(),
                    Answers.wants("members", attributes, excluded));
            return Answers.ok(Answers.page(page, attributes, excluded));
        });
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        return ScimErrors.scim(() -> {
            return Answers.ok(Answers.select(groups.read(id, base(), Answers.wants("members", attributes, excluded)),
                    attributes, excluded));
        });
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body) {
        return ScimErrors.scim(() -> {
            return Answers.ok(groups.replace(id, ScimJson.object(body), base()));
        });
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        return ScimErrors.scim(() -> {
            return Answers.ok(Answers.select(groups.patch(id, ScimJson.object(body), base(),
                    Answers.wants("members", attributes, excluded)), attributes, excluded));
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return ScimErrors.scim(() -> {
            groups.delete(id);
            return Response.noContent().build();
        });
    }

    private URI base() {
        return uriInfo.getBaseUri();
    }
}
