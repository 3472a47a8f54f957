package org.confmail.mail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.confmail.mail.control.ConferenceInfoService;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.security.Roles;
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

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Email the user their dial-in numbers and conference ID (never the PIN)")
    public Response send(@PathParam("upn") String upn, String body) {
        // The body is optional; scripts often send an empty one with a JSON content type.
        SendRequest request = body == null || body.isBlank() ? null : JSON.fromJson(body, SendRequest.class);
        OutboxEmail email = conferenceInfo.send(upn, request == null ? null : request.toAddress());
        return Response.accepted(new SendAccepted(email.id(), email.status().name()))
                .location(uriInfo.getBaseUriBuilder().path("emails").path(email.id()).build())
                .build();
    }
}
