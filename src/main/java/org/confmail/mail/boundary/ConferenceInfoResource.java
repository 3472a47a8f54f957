package org.confmail.mail.boundary;


import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.confmail.mail.control.ConferenceInfoService;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.JsonBodies;
import org.confmail.platform.problem.Violations;
import org.confmail.platform.idempotency.Idempotency;
import org.confmail.security.Roles;

/** Sends a user their conference information by email: accepted at once, delivered by the pipeline. */
@Path("users/{upn}/conference-info-email")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConferenceInfoResource {


    @Inject
    ConferenceInfoService conferenceInfo;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response send(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) String key,
            String body) {
        // The body is optional; scripts often send an empty one with a JSON content type.
        Violations violations = new Violations();
        String toAddress = JsonBodies.string(JsonBodies.object(body), "toAddress", violations);
        violations.check(toAddress == null || !toAddress.isBlank(), "toAddress",
                "must be an email address; leave it out to send to the user's own address");
        violations.throwIfAny();
        return idempotency.handle(key, Idempotency.request(security, uriInfo, body), () -> {
            OutboxEmail email = conferenceInfo.send(upn, toAddress);
            return new Idempotency.Answer(202, new SendAccepted(email.id(), email.status().name()),
                    uriInfo.getBaseUriBuilder().path("emails").path(email.id()).build());
        });
    }
}
