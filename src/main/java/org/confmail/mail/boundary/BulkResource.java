package org.confmail.mail.boundary;


import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.ArrayList;
import java.util.List;
import org.confmail.mail.control.BulkSendService;
import org.confmail.mail.entity.BulkJob;
import org.confmail.platform.JsonBodies;
import org.confmail.platform.problem.Violations;
import org.confmail.platform.idempotency.Idempotency;
import org.confmail.security.Roles;

/** Conference info to many users at once, and the progress of such a job. */
@Path("bulk")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BulkResource {

    public record JobAccepted(String jobId, int total) {
    }

    @Inject
    BulkSendService bulk;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @Context
    SecurityContext security;

    @POST
    @Path("conference-info-emails")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public Response start(
            @HeaderParam(Idempotency.HEADER) String key,
            String body) {
        JsonObject json = JsonBodies.object(body);
        Violations violations = new Violations();
        json.keySet().stream().filter(k -> !k.equals("userPrincipalNames") && !k.equals("all"))
                .forEach(k -> violations.add(k, "is not a field of a bulk request"));
        List<String> names = null;
        JsonValue list = json.get("userPrincipalNames");
        if (list instanceof JsonArray array) {
            names = new ArrayList<>();
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    names.add(s.getString());
                } else {
                    violations.add("userPrincipalNames", "must be a list of user principal names");
                }
            }
        } else if (list != null && list.getValueType() != JsonValue.ValueType.NULL) {
            violations.add("userPrincipalNames", "must be a list of user principal names");
        }
        Boolean all = JsonBodies.bool(json, "all", violations);
        violations.throwIfAny();
        List<String> userPrincipalNames = names;
        BulkJob[] started = new BulkJob[1];
        Response response = idempotency.handle(key, Idempotency.request(security, uriInfo, body), () -> {
            BulkJob job = bulk.start(userPrincipalNames, Boolean.TRUE.equals(all),
                    security.getUserPrincipal().getName());
            started[0] = job;
            return new Idempotency.Answer(202, new JobAccepted(job.id(), job.total()),
                    uriInfo.getBaseUriBuilder().path("bulk").path(job.id()).build());
        });
        // Once the job is committed (not on a replay, where nothing started).
        if (started[0] != null && started[0].allUsers()) {
            bulk.continueInBackground(started[0].id());
        }
        return response;
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public BulkSendService.Progress progress(@PathParam("jobId") String jobId) {
        return bulk.progress(jobId);
    }
}
