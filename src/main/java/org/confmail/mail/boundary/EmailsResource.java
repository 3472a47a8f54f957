package org.confmail.mail.boundary;


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

/** Where each email stands; retrying failed ones. */
@Path("emails")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmailsResource {

    @Inject
    EmailHistory history;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public Page<EmailView> list(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("user") String user,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
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
    public EmailView read(@PathParam("id") String id) {
        return EmailView.of(history.find(id));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
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
