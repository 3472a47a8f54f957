package org.confmail.mail.boundary;

import static org.confmail.platform.ApiExamples.*;

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
import org.confmail.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sends a user their conference information by email: accepted at once, delivered by the pipeline. */
@Path("users/{upn}/conference-info-email")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Emails")
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
    @Operation(operationId = "sendConferenceInfoEmail",
            summary = "Email the user their dial-in numbers and conference ID (never the PIN)")
    @RequestBody(description = "Optional; without a body (or without toAddress) the email goes to the user's"
            + " own address", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "SendRequest"),
                    examples = @ExampleObject(name = "toAssistant", value = SEND_REQUEST)))
    @APIResponse(responseCode = "202", description = "Stored and queued; Location is the email's address, where its"
            + " status shows when it is SENT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "SendAccepted"),
                    examples = @ExampleObject(name = "queued", value = SEND_ACCEPTED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid toAddress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidField", value = INVALID_TO_ADDRESS),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "UserNotFound")
    @APIResponse(responseCode = "409", description = "The user has no dial-in with this service, or no conference ID"
            + " or toll number yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "noDialIn", value = NO_DIAL_IN),
                @ExampleObject(name = "noDialInInformation", value = NO_DIAL_IN_INFORMATION)}))
    @APIResponse(responseCode = "429", description = "The user already got the hourly limit of these emails",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "tooManyEmails", value = TOO_MANY_EMAILS)))
    public Response send(@PathParam("upn") String upn,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String key,
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
