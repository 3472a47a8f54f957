package org.confmail.conferencing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import org.confmail.conferencing.control.UserImports;
import org.confmail.security.Roles;

/**
 * Many users at once, from CSV: the batch counterpart of {@code POST /users}, through the same checks. Answers when
 * every line is done (thousands of users per second), with the lines that failed.
 */
@Path("user-imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserImportsResource {

    @Inject
    UserImports imports;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    public UserImports.Outcome importUsers(String body) {
        UserImports.Parsed parsed = UserImports.parse(new StringReader(body == null ? "" : body));
        return imports.importLines(parsed, done -> { });
    }
}
