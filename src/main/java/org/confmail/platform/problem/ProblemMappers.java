package org.confmail.platform.problem;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.platform.database.DatabaseErrors;

/** Turns every failure that leaves a resource into a problem document; nothing answers with an HTML error page. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof ProblemException) {
                return e.getResponse();
            }
            Response original = e.getResponse();
            int status = original.getStatus();
            Throwable cause = rootCause(e);
            if (status == 400 && (cause instanceof JsonbException || cause instanceof jakarta.json.JsonException)) {
                return malformedJson();
            }
            String parameter = badParameter(e);
            if (parameter != null) {
                // JAX-RS answers 404 for a query parameter it cannot convert (page=abc, size=99999999999).
                return Problem.response(400, "Invalid request", parameter + ": must be a whole number in range",
                        List.of(new Problem.FieldError(parameter, "must be a whole number in range")));
            }
            Response.StatusType type = original.getStatusInfo();
            Response problem = Problem.response(status, type.getReasonPhrase(), describe(status));
            // Keep the challenge and Allow headers the platform set (401, 405).
            Response.ResponseBuilder builder = Response.fromResponse(problem);
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
            return builder.build();
        }

        private static String describe(int status) {
            return switch (status) {
                case 401 -> "Authentication is required: HTTP Basic with an account, or a Bearer API token.";
                case 403 -> "Your account's roles do not allow this operation.";
                case 404 -> "There is no resource at this address.";
                case 405 -> "This resource does not support that HTTP method.";
                case 406 -> "This resource answers application/json only.";
                case 415 -> "Send the request body as application/json.";
                default -> null;
            };
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return malformedJson();
        }
    }

    @Provider
    public static class Jsonb implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformedJson();
        }
    }

    @Provider
    public static class Ejb implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof WebApplicationException wae) {
                return new WebApplication().toResponse(wae);
            }
            return unexpected(e);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            Throwable cause = rootCause(e);
            if (cause instanceof ProblemException problem) {
                return problem.getResponse();
            }
            if (cause instanceof jakarta.persistence.OptimisticLockException) {
                return Problem.response(409, "Conflict",
                        "Someone else changed this resource at the same time; read it again and retry.");
            }
            return unexpected(e);
        }
    }

    /** The name of a query, path or header parameter the platform could not convert (Jersey's ParamException). */
    static String badParameter(WebApplicationException e) {
        if (!e.getClass().getName().startsWith("org.glassfish.jersey.server.ParamException")) {
            return null;
        }
        try {
            return String.valueOf(e.getClass().getMethod("getParameterName").invoke(e));
        } catch (ReflectiveOperationException | RuntimeException reflection) {
            return "parameter";
        }
    }

    static Response malformedJson() {
        return Problem.response(400, "Malformed JSON",
                "The request body is not valid JSON for this operation (check the syntax and the field types).");
    }

    static Response unexpected(Throwable e) {
        if (DatabaseErrors.isUnavailable(e)) {
            // Expected while the database restarts or fails over: no stack trace, and a client that retries wins.
            LOG.warning("The database does not answer; answering 503: " + rootCause(e).getMessage());
            return Response.fromResponse(Problem.response(503, "Database unavailable",
                    "The database does not answer at the moment; nothing was changed. Try again in a few seconds."))
                    .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).build();
        }
        // The reference lets an operator find the stack trace without showing internals to the caller.
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, e);
        return Problem.response(500, "Internal error",
                "Something went wrong on our side; the server log has details under reference " + reference + ".");
    }

    public static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            if (current instanceof ProblemException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }
}
