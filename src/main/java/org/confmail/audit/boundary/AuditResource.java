package org.confmail.audit.boundary;

import static org.confmail.platform.ApiExamples.INVALID_PAGING;
import static org.confmail.security.boundary.AccountExamples.AUDIT;
import static org.confmail.security.boundary.AccountExamples.INVALID_AUDIT_FILTER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.confmail.audit.control.AuditTrail;
import org.confmail.audit.entity.AuditEvent;
import org.confmail.platform.Page;
import org.confmail.platform.Paging;
import org.confmail.platform.problem.Problem;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, for admins and auditors: filtered by actor, target, action and time, newest first. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listAuditEvents", summary = "Read the audit trail, newest first: who did what, to whom,"
            + " when, from where, and how it ended")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AuditPage"),
                    examples = @ExampleObject(name = "audit", value = AUDIT)))
    @APIResponse(responseCode = "400", description = "A bad time, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "invalidFilter", value = INVALID_AUDIT_FILTER),
                @ExampleObject(name = "invalidPaging", value = INVALID_PAGING)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<AuditEventView> list(
            @Parameter(description = "An account name (or system, or an attempted username)", example = "helpdesk")
            @QueryParam("actor") String actor,
            @Parameter(description = "What was acted on: a user principal name, an account, a bridge id ...",
                    example = "ada.lovelace@contoso.com")
            @QueryParam("target") String target,
            @Parameter(description = "An action such as email.send, or a prefix such as login or user",
                    example = "email.send")
            @QueryParam("action") String action,
            @Parameter(description = "From this instant (inclusive)", example = "2026-12-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Until this instant (exclusive)", example = "2026-12-02T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("50") int size) {
        Paging.check(page, size);
        Violations violations = new Violations();
        Instant fromInstant = instant(from, "from", violations);
        Instant toInstant = instant(to, "to", violations);
        violations.check(fromInstant == null || toInstant == null || fromInstant.isBefore(toInstant), "to",
                "must be after from");
        violations.throwIfAny();
        Page<AuditEvent> found = trail.search(new AuditTrail.Filter(blankToNull(actor), blankToNull(target),
                blankToNull(action), fromInstant, toInstant), page, size);
        return new Page<>(found.items().stream().map(AuditEventView::of).toList(), page, size, found.total());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String value, String field, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            return null;
        }
    }
}
