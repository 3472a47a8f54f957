package org.confmail.tenant.boundary;


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

/** The tenant-wide dial-in settings: automatic emails, PIN and ID lengths, dynamic IDs, the sender. */
@Path("tenant/dial-in-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DialInSettingsResource {

    private static final Set<String> FIELDS = Set.of("automaticallySendEmailsToUsers", "pinLength",
            "useUniqueConferenceIds", "conferenceIdLength", "sendEmailFromOverride", "sendEmailFromAddress",
            "sendEmailFromDisplayName", "defaultLanguage", "verifiedDomains");

    @Inject
    DialInSettingsService settings;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    public Response read() {
        DialInSettings current = settings.current();
        return Response.ok(DialInSettingsView.of(current)).tag(ETags.of(current.version()))
                .build();
    }

    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.ADMIN)
    public Response patch(
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
