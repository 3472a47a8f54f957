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
import org.confmail.platform.problem.Problem;
import org.confmail.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Many users at once, from CSV: the batch counterpart of {@code POST /users}, through the same checks. Answers when
 * every line is done (thousands of users per second), with the lines that failed.
 */
@Path("user-imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserImportsResource {

    static final String CSV_EXAMPLE = """
            userPrincipalName,displayName,preferredLanguage,country,audioConferencingLicense
            ada.lovelace@contoso.com,Ada Lovelace,en-GB,GB,true
            alan.turing@contoso.com,Alan Turing,,GB,false
            """;
    static final String OUTCOME_EXAMPLE = """
            {"total": 3, "created": 2, "failed": 1,
             "errors": [{"line": 4, "field": "country", "message": "must be an ISO 3166 alpha-2 code such as FR"}]}""";
    static final String INVALID_FILE = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "file: the first line must name the columns: userPrincipalName, displayName and any of ...",
             "errors": [{"field": "file", "message": "the first line must name the columns: ..."}]}""";

    @Inject
    UserImports imports;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importUsers", summary = "Create users from CSV (a header line naming the columns with"
            + " the user fields' names, then one user per line, at most 50,000); a bad line is reported with its"
            + " number and does not stop the others")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "users", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Every line was tried: how many users were created, and each"
            + " line that failed with its number, field and reason (users that became licensed get their"
            + " LICENSE_ASSIGNED email with a new PIN)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "outcome", value = OUTCOME_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not readable as CSV, a missing or unknown column, or too many"
            + " lines (nothing is created then)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "badHeader", value = INVALID_FILE)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public UserImports.Outcome importUsers(String body) {
        UserImports.Parsed parsed = UserImports.parse(new StringReader(body == null ? "" : body));
        return imports.importLines(parsed, done -> { });
    }
}
