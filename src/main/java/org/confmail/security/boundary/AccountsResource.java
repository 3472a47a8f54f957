package org.confmail.security.boundary;

import static org.confmail.platform.ApiExamples.MALFORMED_JSON;
import static org.confmail.platform.ApiExamples.INVALID_PAGING;
import static org.confmail.security.boundary.AccountExamples.*;

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
import org.confmail.platform.problem.Problem;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Roles;
import org.confmail.security.control.AccountService;
import org.confmail.security.control.ApiTokens;
import org.confmail.security.entity.Account;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts and their API tokens, for admins: who may use confmail, with which roles. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Accounts")
public class AccountsResource {

    @Inject
    AccountService accounts;

    @Inject
    ApiTokens tokens;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Create an account with roles and a password (at least 12"
            + " characters)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewAccount"), examples = @ExampleObject(name = "operator", value = NEW_ACCOUNT)))
    @APIResponse(responseCode = "201", description = "Created; Location is the account's address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView"),
                    examples = @ExampleObject(name = "account", value = ACCOUNT)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields, all named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "shortPassword", value = INVALID_ACCOUNT),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", description = "The username is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "accountExists", value = ACCOUNT_EXISTS)))
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
    @Operation(operationId = "listAccounts", summary = "List accounts by username")
    @APIResponse(responseCode = "200", description = "One page of accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountPage"),
                    examples = @ExampleObject(name = "accounts", value = ACCOUNTS)))
    @APIResponse(responseCode = "400", description = "Bad page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "invalidPaging", value = INVALID_PAGING)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<AccountView> list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        Page<Account> found = accounts.list(page, size);
        return new Page<>(found.items().stream().map(AccountView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("{username}")
    @Operation(operationId = "getAccount", summary = "Read an account; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView"),
                    examples = @ExampleObject(name = "account", value = ACCOUNT)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AccountNotFound")
    public Response read(@PathParam("username") String username) {
        Account account = accounts.find(username);
        return Response.ok(AccountView.of(account)).tag(ETags.of(account.version())).build();
    }

    @PATCH
    @Path("{username}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateAccount", summary = "Change an account's roles, or disable or enable it (JSON"
            + " merge-patch); the last enabled admin cannot lose either")
    @RequestBody(required = true, content = {
        @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "AccountPatch"),
                examples = @ExampleObject(name = "rolesAndDisable", value = ACCOUNT_PATCH)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountPatch"),
                examples = @ExampleObject(name = "rolesAndDisable", value = ACCOUNT_PATCH))})
    @APIResponse(responseCode = "200", description = "The changed account; ETag is its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AccountView"),
                    examples = @ExampleObject(name = "account", value = ACCOUNT)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field or an unknown role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AccountNotFound")
    @APIResponse(responseCode = "409", description = "The change would leave no enabled admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "lastAdmin", value = LAST_ADMIN)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "preconditionFailed", value = ACCOUNT_PRECONDITION_FAILED)))
    public Response update(@PathParam("username") String username,
            @Parameter(description = "The ETag of the version you read; refused (412) if it is not the current one",
                    example = "\"3\"")
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
    @Operation(operationId = "resetAccountPassword", summary = "Give an account a new password (at least 12"
            + " characters); its remembered sign-ins end")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "PasswordReset"),
            examples = @ExampleObject(name = "newPassword", value = PASSWORD_RESET)))
    @APIResponse(responseCode = "204", description = "The password is changed")
    @APIResponse(responseCode = "400", description = "Malformed JSON or a password that is too short or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "shortPassword", value = INVALID_ACCOUNT),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AccountNotFound")
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
    @Operation(operationId = "deleteAccount", summary = "Delete an account and its API tokens; never the last enabled"
            + " admin")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AccountNotFound")
    @APIResponse(responseCode = "409", description = "It is the last enabled admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "lastAdmin", value = LAST_ADMIN)))
    public Response delete(@PathParam("username") String username) {
        accounts.delete(username);
        return Response.noContent().build();
    }

    @POST
    @Path("{username}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiToken", summary = "Create an API token for the account (Authorization: Bearer);"
            + " the token is in this answer only")
    @RequestBody(required = true, description = "A name; optionally when it expires (default 90 days, at most 730)"
            + " and one of the account's roles to narrow it to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewApiToken"),
                    examples = @ExampleObject(name = "ticketing", value = NEW_TOKEN)))
    @APIResponse(responseCode = "201", description = "The token, shown this once; only a hash of it is kept",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IssuedToken"),
                    examples = @ExampleObject(name = "issued", value = ISSUED_TOKEN)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "pastExpiry", value = INVALID_TOKEN),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AccountNotFound")
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
    @Operation(operationId = "listApiTokens", summary = "List the account's API tokens with their last use, newest"
            + " first (revoked and expired ones too)")
    @APIResponse(responseCode = "200", description = "The tokens, never the token values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TokenList"),
                    examples = @ExampleObject(name = "tokens", value = TOKENS)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "AccountNotFound")
    public List<TokenView> listTokens(@PathParam("username") String username) {
        return tokens.list(username).stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("{username}/tokens/{id}")
    @Operation(operationId = "revokeApiToken", summary = "Revoke an API token: it stops working at once and stays"
            + " listed as revoked")
    @APIResponse(responseCode = "204", description = "Revoked (or it already was)")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No such account, or no such token of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "tokenNotFound", value = TOKEN_NOT_FOUND),
                @ExampleObject(name = "accountNotFound", value = ACCOUNT_NOT_FOUND)}))
    public Response revokeToken(@PathParam("username") String username, @PathParam("id") String id) {
        tokens.revoke(username, id);
        return Response.noContent().build();
    }
}
