package org.confmail.conferencing.boundary;

import jakarta.json.JsonObject;
import java.util.Set;
import org.confmail.conferencing.control.NewBridge;
import org.confmail.conferencing.control.NewServiceNumber;
import org.confmail.conferencing.control.NewUser;
import org.confmail.platform.JsonBodies;
import org.confmail.platform.problem.Violations;

/**
 * Reads the bodies of the create operations strictly: an unknown field, or a value of the wrong JSON type, is a 400
 * that names the field (JSON-B would coerce some, and answer others with a problem that names nothing). The values
 * themselves are checked by the services.
 */
final class NewBodies {

    static final Set<String> USER_FIELDS = Set.of("userPrincipalName", "displayName", "email", "preferredLanguage",
            "country", "audioConferencingLicense", "provider", "thirdPartyProviderName", "bridgeId", "tollNumber",
            "tollFreeNumber", "allowTollFreeDialIn", "conferenceId");

    private NewBodies() {
    }

    static NewUser user(JsonObject json) {
        Violations v = new Violations();
        JsonBodies.onlyFields(json, USER_FIELDS, "a user", v);
        NewUser user = new NewUser(JsonBodies.string(json, "userPrincipalName", v),
                JsonBodies.string(json, "displayName", v), JsonBodies.string(json, "email", v),
                JsonBodies.string(json, "preferredLanguage", v), JsonBodies.string(json, "country", v),
                JsonBodies.bool(json, "audioConferencingLicense", v), JsonBodies.string(json, "provider", v),
                JsonBodies.string(json, "thirdPartyProviderName", v), JsonBodies.string(json, "bridgeId", v),
                JsonBodies.string(json, "tollNumber", v), JsonBodies.string(json, "tollFreeNumber", v),
                JsonBodies.bool(json, "allowTollFreeDialIn", v), JsonBodies.string(json, "conferenceId", v));
        v.throwIfAny();
        return user;
    }

    static NewBridge bridge(JsonObject json) {
        Violations v = new Violations();
        JsonBodies.onlyFields(json, Set.of("name", "isDefault"), "a bridge", v);
        NewBridge bridge = new NewBridge(JsonBodies.string(json, "name", v), JsonBodies.bool(json, "isDefault", v));
        v.throwIfAny();
        return bridge;
    }

    static NewServiceNumber number(JsonObject json) {
        Violations v = new Violations();
        JsonBodies.onlyFields(json, Set.of("number", "type", "country", "city", "languages"), "a service number", v);
        NewServiceNumber number = new NewServiceNumber(JsonBodies.string(json, "number", v),
                JsonBodies.string(json, "type", v), JsonBodies.string(json, "country", v),
                JsonBodies.string(json, "city", v), JsonBodies.strings(json, "languages", v));
        v.throwIfAny();
        return number;
    }
}
