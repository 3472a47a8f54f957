package org.confmail.security.boundary;


import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.confmail.platform.ETags;
import org.confmail.platform.JsonBodies;
import org.confmail.platform.Page;
import org.confmail.platform.Paging;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Roles;
import org.confmail.security.control.AccountService;
import org.confmail.security.control.ApiTokens;
import org.confmail.security.entity.Account;

/** Accounts and their API tokens, for admins: who may use confmail, with which roles. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AccountsResource {

    @Inject
    AccountService accounts;

    @Inject
    ApiTokens tokens;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject json = JsonBodies.object(body);
        Violations violations = new Violations();
        JsonBodies.onlyFields(json, Set.of("username", "password", "roles", "enabled"), "an account", violations);
        String username = JsonBodies.string(json, "username", violations);
        String password = JsonBodies.string(json, "password", violations);
        List<String> roles = JsonBodies.strings(json, "roles", violations);
        Boolean enabled = JsonBodies.bool(json, "enabled", violations);
        violations.check(username != null, "username", "is required");
        violations.check(password != null, "password", "is required");
        violations.throwIfAny();
        Account account = accounts.create(username, password, roles, enabled);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(account.username()).build())
                .entity(AccountView.of(account)).tag(ETags.of(account.version())).build();
    }

    @GET
    public Page<AccountView> list(
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        Page<Account> found = accounts.list(page, size);
        return new Page<>(found.items().stream().map(AccountView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("{username}")
    public Response read(@PathParam("username") String username) {
        Account account = accounts.find(username);
        return Response.ok(AccountView.of(account)).tag(ETags.of(account.version())).build();
    }

    @PATCH
    @Path("{username}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Response update(@PathParam("username") String username,
            @HeaderParam("If-Match") String ifMatch, String body) {
        JsonObject json = JsonBodies.object(body);
        Violations violations = new Violations();
        JsonBodies.onlyFields(json, Set.of("roles", "enabled"), "an account that can be changed here (the password"
                + " has its own operation)", violations);
        List<String> roles = JsonBodies.strings(json, "roles", violations);
        if (json.containsKey("roles") && json.isNull("roles")) {
            violations.add("roles", "cannot be cleared; an account has at least one role");
        }
        Boolean enabled = JsonBodies.bool(json, "enabled", violations);
        if (json.containsKey("enabled") && json.isNull("enabled")) {
            violations.add("enabled", "must be true or false");
        }
        violations.throwIfAny();
        Account account = accounts.update(username, roles, enabled, ETags.expectedVersion(ifMatch));
        return Response.ok(AccountView.of(account)).tag(ETags.of(account.version())).build();
    }

    @POST
    @Path("{username}/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetPassword(@PathParam("username") String username, String body) {
        JsonObject json = JsonBodies.object(body);
        Violations violations = new Violations();
        JsonBodies.onlyFields(json, Set.of("password"), "a password reset", violations);
        String password = JsonBodies.string(json, "password", violations);
        violations.check(password != null, "password", "is required");
        violations.throwIfAny();
        accounts.resetPassword(username, password);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username) {
        accounts.delete(username);
        return Response.noContent().build();
    }

    @POST
    @Path("{username}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(@PathParam("username") String username, String body) {
        JsonObject json = JsonBodies.object(body);
        Violations violations = new Violations();
        JsonBodies.onlyFields(json, Set.of("name", "expiresAt", "role"), "an API token", violations);
        String name = JsonBodies.string(json, "name", violations);
        var expiresAt = JsonBodies.instant(json, "expiresAt", violations);
        String role = JsonBodies.string(json, "role", violations);
        violations.throwIfAny();
        ApiTokens.Issued issued = tokens.create(username, name, expiresAt, role);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.token().id()).build())
                .entity(new TokenView.Issued(issued.token().id(), issued.token().name(), issued.secret(),
                        issued.token().role(), issued.token().expiresAt())).build();
    }

    @GET
    @Path("{username}/tokens")
    public List<TokenView> listTokens(@PathParam("username") String username) {
        return tokens.list(username).stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("{username}/tokens/{id}")
    public Response revokeToken(@PathParam("username") String username, @PathParam("id") String id) {
        tokens.revoke(username, id);
        return Response.noContent().build();
    }
}
