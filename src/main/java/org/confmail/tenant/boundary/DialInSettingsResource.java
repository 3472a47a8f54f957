package org.confmail.tenant.boundary;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.confmail.platform.ETags;
import org.confmail.platform.JsonBodies;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Roles;
import org.confmail.tenant.control.DialInSettingsService;
import org.confmail.tenant.control.DialInSettingsService.Patch;
import org.confmail.tenant.entity.DialInSettings;
import org.confmail.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant-wide dial-in settings: automatic emails, PIN and ID lengths, dynamic IDs, the sender. */
@Path("tenant/dial-in-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant")
public class DialInSettingsResource {

    private static final Set<String> FIELDS = Set.of("automaticallySendEmailsToUsers", "pinLength",
            "useUniqueConferenceIds", "conferenceIdLength", "sendEmailFromOverride", "sendEmailFromAddress",
            "sendEmailFromDisplayName", "defaultLanguage", "verifiedDomains");

    @Inject
    DialInSettingsService settings;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(operationId = "getDialInSettings", summary = "Read the tenant's dial-in settings")
    @APIResponse(responseCode = "200", description = "The settings; ETag is their version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DialInSettingsView"),
                    examples = @ExampleObject(name = "settings", value = SETTINGS)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Response read() {
        DialInSettings current = settings.current();
        return Response.ok(DialInSettingsView.of(current)).tag(ETags.of(current.version()))
                .build();
    }

    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateDialInSettings",
            summary = "Change the settings (JSON merge-patch). The sender override needs an address in a"
            + " verified domain and a display name.")
    @RequestBody(required = true, description = "An RFC 7396 merge-patch: any of the settings' fields", content = {
        @Content(mediaType = "application/merge-patch+json", schema = @Schema(ref = "DialInSettingsPatch"),
                examples = @ExampleObject(name = "senderOverride", value = SETTINGS_PATCH)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DialInSettingsPatch"),
                examples = @ExampleObject(name = "senderOverride", value = SETTINGS_PATCH))})
    @APIResponse(responseCode = "200", description = "The changed settings; ETag is their new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "DialInSettingsView"),
                    examples = @ExampleObject(name = "settings", value = SETTINGS)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, an unknown field, or invalid values",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"), examples = {
                @ExampleObject(name = "unverifiedDomain", value = INVALID_SETTINGS),
                @ExampleObject(name = "malformedJson", value = MALFORMED_JSON)}))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", description = "A concurrent change won",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "changedConcurrently", value = CHANGED_CONCURRENTLY)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the settings",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "preconditionFailed", value = SETTINGS_PRECONDITION_FAILED)))
    public Response patch(
            @Parameter(description = "The ETag of the version you read; the change is refused (412) if it is not the"
                    + " current one", example = "\"3\"")
            @HeaderParam("If-Match") String ifMatch, String body) {
        JsonObject json = JsonBodies.object(body);
        Violations violations = new Violations();
        json.keySet().stream().filter(k -> !FIELDS.contains(k))
                .forEach(k -> violations.add(k, "is not a field of the dial-in settings"));
        List<String> domains = null;
        if (json.containsKey("verifiedDomains")) {
            JsonValue value = json.get("verifiedDomains");
            if (value instanceof JsonArray array) {
                domains = new ArrayList<>();
                for (JsonValue item : array) {
                    if (item instanceof JsonString s) {
                        domains.add(s.getString());
                    } else {
                        violations.add("verifiedDomains", "must be a list of domain names");
                    }
                }
            } else if (value.getValueType() == JsonValue.ValueType.NULL) {
                domains = List.of();
            } else {
                violations.add("verifiedDomains", "must be a list of domain names");
            }
        }
        var changes = new DialInSettingsService.Changes(
                JsonBodies.bool(json, "automaticallySendEmailsToUsers", violations),
                JsonBodies.integer(json, "pinLength", violations),
                JsonBodies.bool(json, "useUniqueConferenceIds", violations),
                JsonBodies.integer(json, "conferenceIdLength", violations),
                JsonBodies.bool(json, "sendEmailFromOverride", violations),
                json.containsKey("sendEmailFromAddress")
                        ? new Patch<>(JsonBodies.string(json, "sendEmailFromAddress", violations)) : null,
                json.containsKey("sendEmailFromDisplayName")
                        ? new Patch<>(JsonBodies.string(json, "sendEmailFromDisplayName", violations)) : null,
                JsonBodies.string(json, "defaultLanguage", violations),
                domains);
        violations.throwIfAny();
        DialInSettings updated = settings.update(changes, ETags.expectedVersion(ifMatch));
        return Response.ok(DialInSettingsView.of(updated)).tag(ETags.of(updated.version()))
                .build();
    }
}
