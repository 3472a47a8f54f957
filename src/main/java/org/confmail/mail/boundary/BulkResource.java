package org.confmail.mail.boundary;

import static org.confmail.platform.ApiExamples.*;

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
import org.confmail.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Conference info to many users at once, and the progress of such a job. */
@Path("bulk")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk")
public class BulkResource {

    @Schema(name = "JobAccepted", description = "A bulk send's answer: the job and how many emails it sends")
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
    @Operation(operationId = "startBulkConferenceInfoEmails",
            summary = "Email conference info to the listed users ({\"userPrincipalNames\": [...]}, at most 1000)"
            + " or to every user with dial-in ({\"all\": true})")
    @RequestBody(required = true, description = "Either userPrincipalNames or all, not both",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "BulkRequest"),
                    examples = {
                        @ExampleObject(name = "listedUsers", value = BULK_LISTED),
                        @ExampleObject(name = "allUsers", value = BULK_ALL)}))
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "JobAccepted"),
                    examples = @ExampleObject(name = "accepted", value = BULK_ACCEPTED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, both or neither of the fields, or a listed user"
            + " who does not exist or has no dial-in (nothing is sent then)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "unknownUser", value = INVALID_BULK),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response start(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = Idempotency.DESCRIPTION) String key,
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
    @Operation(operationId = "getBulkJob", summary = "Progress of a bulk job: total, queued, sent, failed, done")
    @APIResponse(responseCode = "200", description = "The job's progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "Progress"),
                    examples = @ExampleObject(name = "progress", value = BULK_PROGRESS)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", description = "There is no such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "jobNotFound", value = JOB_NOT_FOUND)))
    public BulkSendService.Progress progress(@PathParam("jobId") String jobId) {
        return bulk.progress(jobId);
    }
}
