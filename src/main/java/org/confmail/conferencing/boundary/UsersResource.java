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
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.confmail.platform.ETags;
import org.confmail.platform.JsonBodies;
import org.confmail.platform.problem.Violations;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.confmail.platform.idempotency.Idempotency;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.confmail.platform.Page;
import org.confmail.conferencing.control.UserActions;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.platform.Paging;
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

/** Conferencing users, addressed by user principal name. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    UserDirectory directory;

    @Inject
    UserActions actions;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createUser",
            summary = "Create a user; bridge, numbers and conference ID default when not given")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "NewUser"),
            examples = @ExampleObject(name = "newUser", value = NEW_USER)))
    @APIResponse(responseCode = "201", description = "Created; Location is the user's address. A user with dial-in"
            + " gets a LICENSE_ASSIGNED email with their new PIN.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView"),
                    examples = @ExampleObject(name = "user", value = USER)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields, all named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidField", value = INVALID_USER),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", description = "The user principal name or the chosen conference ID is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "userExists", value = USER_EXISTS),
                @ExampleObject(name = "conferenceIdTaken", value = CONFERENCE_ID_TAKEN)}))
    public Response create(String body) {
        ConferencingUser user = users.create(NewBodies.user(JsonBodies.object(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.userPrincipalName()).build())
                .entity(UserView.of(user)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listUsers", summary = "List users; search matches UPN, display name or conference ID")
    @APIResponse(responseCode = "200", description = "One page of users",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserPage"),
                    examples = @ExampleObject(name = "users", value = USERS)))
    @APIResponse(responseCode = "400", description = "Bad page, size or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "invalidPaging", value = INVALID_PAGING)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Page<UserView> list(
            @Parameter(description = "Part of a UPN, display name or conference ID", example = "lovelace")
            @QueryParam("search") String search,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("50") int size,
            @Parameter(description = "userPrincipalName, displayName, conferenceId or createdAt, optionally"
                    + " followed by ,asc or ,desc", example = "displayName,desc")
            @QueryParam("sort") String sort) {
        Paging.check(page, size);
        Page<ConferencingUser> found = directory.list(search, page, size, sort);
        return new Page<>(found.items().stream().map(UserView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("{upn}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getUser", summary = "Read a user; the ETag is the version to send back in If-Match")
    @APIResponse(responseCode = "200", description = "The user; ETag is their version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView"),
                    examples = @ExampleObject(name = "user", value = USER)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "UserNotFound")
    public Response read(@PathParam("upn") String upn) {
        ConferencingUser user = directory.find(upn);
        return Response.ok(UserView.of(user)).tag(etag(user)).build();
    }

    @PATCH
    @Path("{upn}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "updateUser",
            summary = "Change a user (JSON merge-patch); may email the user about the change")
    @RequestBody(required = true, description = "An RFC 7396 merge-patch: the fields to change, null to clear one"
            + " (a cleared email becomes the UPN, a cleared conference ID a generated one)", content = {
                @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "UserPatch"), examples = {
                    @ExampleObject(name = "moveToFrance", value = USER_PATCH),
                    @ExampleObject(name = "removeLicense", value = USER_PATCH_LICENSE_OFF)}),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserPatch"),
                    examples = @ExampleObject(name = "moveToFrance", value = USER_PATCH))})
    @APIResponse(responseCode = "200", description = "The changed user; ETag is their new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView"),
                    examples = @ExampleObject(name = "user", value = USER)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown or read-only field, or invalid values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidField", value = INVALID_USER),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "UserNotFound")
    @APIResponse(responseCode = "409", description = "The chosen conference ID is taken, or a concurrent change won",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "conferenceIdTaken", value = CONFERENCE_ID_TAKEN),
                @ExampleObject(name = "changedConcurrently", value = CHANGED_CONCURRENTLY)}))
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "preconditionFailed", value = USER_PRECONDITION_FAILED)))
    public Response patch(@PathParam("upn") String upn,
            @Parameter(description = "The ETag of the version you read; the change is refused (412) if it is not the"
                    + " current one", example = "\"3\"")
            @HeaderParam("If-Match") String ifMatch, String body) {
        ConferencingUser user = users.update(upn, UserPatch.parse(JsonBodies.object(body)), ETags.expectedVersion(ifMatch));
        return Response.ok(UserView.of(user)).tag(etag(user)).build();
    }

    @DELETE
    @Path("{upn}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteUser", summary = "Delete a user; their email history stays")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "UserNotFound")
    public Response delete(@PathParam("upn") String upn) {
        users.delete(upn);
        return Response.noContent().build();
    }

    @POST
    @Path("{upn}/pin-reset")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "resetPin",
            summary = "Reset the leader PIN; the new PIN is in this answer only (and in the user's email)")
    @APIResponse(responseCode = "200", description = "The new PIN, shown once; emailId is the PIN_RESET email, null"
            + " when automatic emails are off (then pass the PIN on yourself)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "PinResetView"),
                    examples = @ExampleObject(name = "pinReset", value = PIN_RESET)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "UserNotFound")
    @APIResponse(responseCode = "409", description = "The user has no dial-in with this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "noDialIn", value = NO_DIAL_IN)))
    public Response resetPin(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String key) {
        return idempotency.handle(key, Idempotency.request(security, uriInfo, null), () -> {
            UserActions.PinReset reset = actions.resetPin(upn);
            // A PIN is shown once: a repeat of this request gets the same email id, and no PIN.
            return new Idempotency.Answer(200, new PinResetView(reset.pin(), reset.emailId()), null,
                    new PinResetView(null, reset.emailId()));
        });
    }

    @POST
    @Path("{upn}/conference-id-reset")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "resetConferenceId", summary = "Give the user a new generated conference ID")
    @APIResponse(responseCode = "200", description = "The new conference ID; emailId is the CONFERENCE_ID_RESET email,"
            + " null when no email was queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "ConferenceIdResetView"),
                    examples = @ExampleObject(name = "conferenceIdReset", value = CONFERENCE_ID_RESET)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "UserNotFound")
    public Response resetConferenceId(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String key) {
        return idempotency.handle(key, Idempotency.request(security, uriInfo, null), () -> {
            UserActions.ConferenceIdReset reset = actions.resetConferenceId(upn);
            return new Idempotency.Answer(200, new ConferenceIdResetView(reset.conferenceId(), reset.emailId()),
                    null);
        });
    }

    @POST
    @Path("{upn}/meetings")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "scheduleMeeting",
            summary = "Schedule a meeting and get its dial-in (a fresh conference ID with dynamic IDs)")
    @RequestBody(description = "Optional; an empty body schedules a meeting without subject or start",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "MeetingRequest"),
                    examples = @ExampleObject(name = "meeting", value = NEW_MEETING)))
    @APIResponse(responseCode = "201", description = "The meeting's dial-in, as an invitation shows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "MeetingView"),
                    examples = @ExampleObject(name = "meeting", value = MEETING)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidField", value = INVALID_MEETING),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "UserNotFound")
    @APIResponse(responseCode = "409", description = "The user has no dial-in with this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "noDialIn", value = NO_DIAL_IN)))
    public Response scheduleMeeting(@PathParam("upn") String upn, String body) {
        JsonObject json = JsonBodies.object(body);
        Violations violations = new Violations();
        String subject = JsonBodies.string(json, "subject", violations);
        String startsAt = JsonBodies.string(json, "startsAt", violations);
        Instant start = null;
        if (startsAt != null) {
            try {
                start = Instant.parse(startsAt);
            } catch (DateTimeParseException e) {
                violations.add("startsAt", "must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
            }
        }
        violations.throwIfAny();
        return Response.status(Response.Status.CREATED)
                .entity(MeetingView.of(actions.scheduleMeeting(upn, subject, start))).build();
    }

    @Schema(name = "PinResetView", description = "A PIN reset's answer: the new PIN, shown this once")
    public record PinResetView(String pin, String emailId) {
    }

    @Schema(name = "ConferenceIdResetView", description = "A conference ID reset's answer")
    public record ConferenceIdResetView(String conferenceId, String emailId) {
    }

    private static EntityTag etag(ConferencingUser user) {
        return ETags.of(user.version());
    }
}
