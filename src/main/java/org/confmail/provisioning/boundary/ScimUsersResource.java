package org.confmail.provisioning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.confmail.provisioning.control.ScimJson;
import org.confmail.provisioning.control.ScimUsers;
import org.confmail.security.Roles;

/** {@code /scim/v2/Users}: create, read, replace, patch, delete and list (filter, startIndex, count). */
@Path("Users")
@RequestScoped
@RolesAllowed(Roles.PROVISIONER)
@Produces({Scim.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class ScimUsersResource {

    @Inject
    ScimUsers users;

    @Context
    UriInfo uriInfo;

    @POST
    public Response create(String body) {
        return ScimErrors.scim(() -> {
            JsonObject user = users.create(ScimJson.object(body), base());
            return Answers.created(user);
        });
    }

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        return ScimErrors.scim(() -> {
            Scim.Page page = users.list(filter, Scim.Window.of(startIndex, count), base());
            return Answers.ok(Answers.page(page, attributes, excluded));
        });
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded) {
        return ScimErrors.scim(() -> {
            return Answers.ok(Answers.select(users.read(id, base()), attributes, excluded));
        });
    }

    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, String body) {
        return ScimErrors.scim(() -> {
            return Answers.ok(users.replace(id, ScimJson.object(body), base()));
        });
    }

    @PATCH
    @Path("{id}")
    public Response patch(@PathParam("id") String id, String body) {
        return ScimErrors.scim(() -> {
            return Answers.ok(users.patch(id, ScimJson.object(body), base()));
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return ScimErrors.scim(() -> {
            users.delete(id);
            return Response.noContent().build();
        });
    }

    private URI base() {
        return uriInfo.getBaseUri();
    }
}
