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
import org.confmail.platform.Page;
import org.confmail.conferencing.control.UserActions;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.platform.Paging;
import org.confmail.security.Roles;

/** Conferencing users, addressed by user principal name. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
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
    public Response create(String body) {
        ConferencingUser user = users.create(NewBodies.user(JsonBodies.object(body)));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(user.userPrincipalName()).build())
                .entity(UserView.of(user)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public Page<UserView> list(
            @QueryParam("search") String search,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @QueryParam("sort") String sort) {
        Paging.check(page, size);
        Page<ConferencingUser> found = directory.list(search, page, size, sort);
        return new Page<>(found.items().stream().map(UserView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("{upn}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public Response read(@PathParam("upn") String upn) {
        ConferencingUser user = directory.find(upn);
        return Response.ok(UserView.of(user)).tag(etag(user)).build();
    }

    @PATCH
    @Path("{upn}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response patch(@PathParam("upn") String upn,
            @HeaderParam("If-Match") String ifMatch, String body) {
        ConferencingUser user = users.update(upn, UserPatch.parse(JsonBodies.object(body)), ETags.expectedVersion(ifMatch));
        return Response.ok(UserView.of(user)).tag(etag(user)).build();
    }

    @DELETE
    @Path("{upn}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("upn") String upn) {
        users.delete(upn);
        return Response.noContent().build();
    }

    @POST
    @Path("{upn}/pin-reset")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response resetPin(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) String key) {
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
    public Response resetConferenceId(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.handle(key, Idempotency.request(security, uriInfo, null), () -> {
            UserActions.ConferenceIdReset reset = actions.resetConferenceId(upn);
            return new Idempotency.Answer(200, new ConferenceIdResetView(reset.conferenceId(), reset.emailId()),
                    null);
        });
    }

    @POST
    @Path("{upn}/meetings")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
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

    public record PinResetView(String pin, String emailId) {
    }

    public record ConferenceIdResetView(String conferenceId, String emailId) {
    }

    private static EntityTag etag(ConferencingUser user) {
        return ETags.of(user.version());
    }
}
