package org.confmail.mail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.problem.ProblemException;
import org.confmail.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where each email stands. */
@Path("emails")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Emails")
public class EmailsResource {

    @PersistenceContext
    EntityManager em;

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Read an email's status")
    public EmailView read(@PathParam("id") String id) {
        OutboxEmail email = em.find(OutboxEmail.class, id);
        if (email == null) {
            throw ProblemException.notFound("There is no email with id '" + id + "'.");
        }
        return EmailView.of(email);
    }
}
