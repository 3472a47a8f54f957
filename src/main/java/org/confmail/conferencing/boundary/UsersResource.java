package org.confmail.conferencing.boundary;

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
import org.confmail.conferencing.control.NewUser;
import org.confmail.platform.Page;
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

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

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
    @Operation(summary = "Read a user; the ETag is the version to send back in If-Match")
    public Response read(@PathParam("upn") String upn) {
        ConferencingUser user = users.find(upn);
        return Response.ok(UserView.of(user)).tag(etag(user)).build();
    }

    @PATCH
    @Path("{upn}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Change a user (JSON merge-patch); may email the user about the change")
    public Response patch(@PathParam("upn") String upn, @HeaderParam("If-Match") String ifMatch, String body) {
        ConferencingUser user = users.update(upn, UserPatch.parse(JsonBodies.object(body)), ETags.expectedVersion(ifMatch));
        return Response.ok(UserView.of(user)).tag(etag(user)).build();
    }

    @DELETE
    @Path("{upn}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a user; their email history stays")
    public Response delete(@PathParam("upn") String upn) {
        users.delete(upn);
        return Response.noContent().build();
    }

    @POST
    @Path("{upn}/pin-reset")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Reset the leader PIN; the new PIN is in this answer only (and in the user's email)")
    public Response resetPin(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String key,
            String body) {
        return idempotency.handle(key, Idempotency.request(security, uriInfo, body), () -> {
            UserService.PinReset reset = users.resetPin(upn);
            return new Idempotency.Answer(200, new PinResetView(reset.pin(), reset.emailId()), null);
        });
    }

    @POST
    @Path("{upn}/conference-id-reset")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Give the user a new generated conference ID")
    public Response resetConferenceId(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String key,
            String body) {
        return idempotency.handle(key, Idempotency.request(security, uriInfo, body), () -> {
            UserService.ConferenceIdReset reset = users.resetConferenceId(upn);
            return new Idempotency.Answer(200, new ConferenceIdResetView(reset.conferenceId(), reset.emailId()),
                    null);
        });
    }

    @POST
    @Path("{upn}/meetings")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Schedule a meeting and get its dial-in (a fresh conference ID with dynamic IDs)")
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
                .entity(MeetingView.of(users.scheduleMeeting(upn, subject, start))).build();
    }

    public record PinResetView(String pin, String emailId) {
    }

    public record ConferenceIdResetView(String conferenceId, String emailId) {
    }

    private static EntityTag etag(ConferencingUser user) {
        return ETags.of(user.version());
    }
}
