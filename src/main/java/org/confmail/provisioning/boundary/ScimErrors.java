package org.confmail.provisioning.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.platform.problem.ProblemException;
import org.confmail.provisioning.control.Scim;
import org.confmail.provisioning.control.ScimException;
import org.confmail.provisioning.control.ScimJson;

/**
 * Every error of {@code /scim/v2} as a SCIM error document (RFC 7644 section 3.12): {@code schemas}, {@code status}
 * as a string, {@code scimType} where one applies, {@code detail}. The services' own refusals (problems) keep their
 * status and detail; a unique constraint that a concurrent request hit first is a 409 {@code uniqueness}, as a
 * retried create is.
 */
@Provider
public class ScimErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ScimErrors.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof ScimException e) {
            return response(e.status(), e.scimType(), e.getMessage());
        }
        if (error instanceof ProblemException e) {
            int status = e.getResponse().getStatus();
            Response response = response(status, status == 409 ? "uniqueness" : status == 400 ? "invalidValue"
                    : null, scimDetail(e));
            Object retryAfter = e.getResponse().getHeaderString("Retry-After");
            return retryAfter == null ? response : Response.fromResponse(response).header("Retry-After", retryAfter)
                    .build();
        }
        if (isUniqueConstraint(error)) {
            return response(409, "uniqueness", "Another request created the same resource at the same moment.");
        }
        if (error instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String detail = switch (status) {
                case 403 -> "This needs the API token of an account with the provisioner role.";
                case 404 -> "There is no such SCIM endpoint.";
                case 405 -> "This endpoint does not take that method.";
                case 406 -> "The answers are application/scim+json.";
                case 415 -> "The request body must be application/scim+json or application/json.";
                default -> e.getMessage();
            };
            return response(status, null, detail);
        }
        LOG.log(Level.SEVERE, "SCIM request failed", error);
        return response(500, null, "The request failed on the server; it changed nothing. Try again.");
    }

    /** The user service's field names as SCIM clients know them. */
    private static final java.util.Map<String, String> SCIM_NAMES = java.util.Map.of(
            "userPrincipalName", "userName", "email", "emails.value", "country", "addresses.country",
            "preferredLanguage", "preferredLanguage", "displayName", "displayName");

    /** A problem's detail, with the fields at fault under their SCIM names ({@code userName: must be ...}). */
    private static String scimDetail(ProblemException e) {
        if (e.errors() == null || e.errors().isEmpty()) {
            return e.detail();
        }
        return String.join("; ", e.errors().stream().map(error -> SCIM_NAMES.getOrDefault(error.field(),
                error.field()) + ": " + error.message()).toList());
    }

    /**
     * Runs a resource method so that a service's problem becomes a SCIM error: JAX-RS sends a
     * WebApplicationException that carries its own answer (a problem document) as it is, past every mapper.
     */
    static Response scim(java.util.function.Supplier<Response> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            Response response = new ScimErrors().toResponse(e);
            throw new WebApplicationException(response);
        }
    }

    static Response response(int status, String scimType, String detail) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("schemas", ScimJson.strings(Scim.ERROR_SCHEMA))
                .add("status", String.valueOf(status));
        if (scimType != null) {
            json.add("scimType", scimType);
        }
        json.add("detail", detail == null ? "" : detail);
        return Response.status(status).type(Scim.MEDIA_TYPE + ";charset=UTF-8").entity(json.build().toString())
                .build();
    }

    private static boolean isUniqueConstraint(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
