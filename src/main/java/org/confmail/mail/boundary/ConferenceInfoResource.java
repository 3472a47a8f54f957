package org.confmail.mail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
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
import org.confmail.platform.idempotency.Idempotency;
import org.confmail.security.Roles;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sends a user their conference information by email: accepted at once, delivered by the pipeline. */
@Path("users/{upn}/conference-info-email")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Emails")
public class ConferenceInfoResource {

    private static final Jsonb JSON = JsonbBuilder.create();

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
    @Operation(summary = "Email the user their dial-in numbers and conference ID (never the PIN)")
    public Response send(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String key,
            String body) {
        // The body is optional; scripts often send an empty one with a JSON content type.
        SendRequest request = body == null || body.isBlank() ? null : JSON.fromJson(body, SendRequest.class);
        return idempotency.handle(key, Idempotency.request(security, uriInfo, body), () -> {
            OutboxEmail email = conferenceInfo.send(upn, request == null ? null : request.toAddress());
            return new Idempotency.Answer(202, new SendAccepted(email.id(), email.status().name()),
                    uriInfo.getBaseUriBuilder().path("emails").path(email.id()).build());
        });
    }
}
