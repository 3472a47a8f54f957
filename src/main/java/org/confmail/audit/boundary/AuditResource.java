package org.confmail.audit.boundary;


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
import org.confmail.platform.problem.Violations;
import org.confmail.security.Roles;

/** The audit trail, for admins and auditors: filtered by actor, target, action and time, newest first. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    public Page<AuditEventView> list(
            @QueryParam("actor") String actor,
            @QueryParam("target") String target,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
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
