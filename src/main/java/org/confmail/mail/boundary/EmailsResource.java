package org.confmail.mail.boundary;

import static org.confmail.platform.ApiExamples.*;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.confmail.mail.control.EmailHistory;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.EmailStatus;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.Page;
import org.confmail.platform.Paging;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Roles;
import org.confmail.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where each email stands; retrying failed ones. */
@Path("emails")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Emails")
public class EmailsResource {

    @Inject
    EmailHistory history;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "listEmails", summary = "List emails, newest first, filtered by status, kind and user")
    @APIResponse(responseCode = "200", description = "One page of emails",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EmailPage"),
                    examples = @ExampleObject(name = "emails", value = EMAILS)))
    @APIResponse(responseCode = "400", description = "An unknown status or kind, or a bad page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidFilter", value = INVALID_EMAIL_FILTER),
                @ExampleObject(name = "invalidPaging", value = INVALID_PAGING)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Page<EmailView> list(
            @Parameter(description = "QUEUED, SENDING, SENT, RETRYING or FAILED", example = "FAILED")
            @QueryParam("status") String status,
            @Parameter(description = "CONFERENCE_INFO, LICENSE_ASSIGNED, CONFERENCE_ID_RESET, PIN_RESET or"
                    + " DIAL_IN_DISABLED", example = "CONFERENCE_INFO")
            @QueryParam("kind") String kind,
            @Parameter(description = "A user principal name", example = "ada.lovelace@contoso.com")
            @QueryParam("user") String user,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        Violations violations = new Violations();
        EmailStatus statusFilter = parse(EmailStatus.class, status, "status", violations);
        EmailKind kindFilter = parse(EmailKind.class, kind, "kind", violations);
        violations.throwIfAny();
        Page<OutboxEmail> found = history.list(statusFilter, kindFilter, user, page, size);
        return new Page<>(found.items().stream().map(EmailView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getEmail", summary = "Read an email's status")
    @APIResponse(responseCode = "200", description = "The email and where it stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "EmailView"), examples = {
                        @ExampleObject(name = "sent", value = EMAIL),
                        @ExampleObject(name = "retrying", value = EMAIL_RETRYING)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "There is no such email",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "emailNotFound", value = EMAIL_NOT_FOUND)))
    public EmailView read(@PathParam("id") String id) {
        return EmailView.of(history.find(id));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(operationId = "retryEmail", summary = "Send a FAILED email again")
    @APIResponse(responseCode = "200", description = "The email, queued again with a fresh count of attempts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "EmailView"),
                    examples = @ExampleObject(name = "queuedAgain", value = EMAIL_REQUEUED)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "There is no such email",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "emailNotFound", value = EMAIL_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The email is not FAILED, or it carried a PIN that is gone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "notFailed", value = NOT_FAILED)))
    public EmailView retry(@PathParam("id") String id) {
        return EmailView.of(history.retry(id));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }
}
