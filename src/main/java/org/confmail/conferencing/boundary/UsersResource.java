package org.confmail.conferencing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.confmail.conferencing.control.NewUser;
import org.confmail.conferencing.control.Page;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.platform.Paging;
import org.confmail.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Conferencing users, addressed by user principal name. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UsersResource {

    @Inject
    UserService users;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a user; bridge, numbers and conference ID default when not given")
    public Response create(NewUser input) {
        ConferencingUser user = users.create(input);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.userPrincipalName()).build())
                .entity(UserView.of(user)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List users; search matches UPN, display name or conference ID")
    public Page<UserView> list(@QueryParam("search") String search,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @QueryParam("sort") String sort) {
        Paging.check(page, size);
        Page<ConferencingUser> found = users.list(search, page, size, sort);
        return new Page<>(found.items().stream().map(UserView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("{upn}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Read a user")
    public UserView read(@PathParam("upn") String upn) {
        return UserView.of(users.find(upn));
    }
}
