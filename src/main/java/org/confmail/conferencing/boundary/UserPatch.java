package org.confmail.conferencing.boundary;

import jakarta.json.JsonObject;
import java.util.Set;
import org.confmail.conferencing.control.UserChanges;
import org.confmail.conferencing.control.UserChanges.Field;
import org.confmail.platform.JsonBodies;
import org.confmail.platform.problem.Violations;

/** Reads an RFC 7396 merge-patch of a user into {@link UserChanges}, rejecting unknown and read-only fields. */
final class UserPatch {

    private static final Set<String> READ_ONLY = Set.of("userPrincipalName", "hasPin", "createdAt", "updatedAt");
    private static final Set<Field> BOOLEANS = Set.of(Field.audioConferencingLicense, Field.allowTollFreeDialIn);

    private UserPatch() {
    }

    static UserChanges parse(JsonObject json) {
        Violations violations = new Violations();
        UserChanges changes = new UserChanges();
        for (String name : json.keySet()) {
            if (READ_ONLY.contains(name)) {
                violations.add(name, "cannot be changed");
                continue;
            }
            Field field;
            try {
                field = Field.valueOf(name);
            } catch (IllegalArgumentException e) {
                violations.add(name, "is not a field of a user");
                continue;
            }
            changes.set(field, BOOLEANS.contains(field)
                    ? JsonBodies.bool(json, name, violations)
                    : JsonBodies.string(json, name, violations));
        }
        violations.throwIfAny();
        return changes;
    }
}
