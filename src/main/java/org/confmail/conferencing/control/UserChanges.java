package org.confmail.conferencing.control;

import java.util.EnumMap;
import java.util.Map;

/**
 * The fields a merge-patch (or a portal form) sets on a user. A field absent here is left alone; a field present
 * with null is cleared, where clearing is allowed.
 */
public final class UserChanges {

    /** The changeable fields, by their API names. */
    public enum Field {
        displayName, email, preferredLanguage, country, audioConferencingLicense, provider, thirdPartyProviderName,
        bridgeId, tollNumber, tollFreeNumber, allowTollFreeDialIn, conferenceId
    }

    private final Map<Field, Object> values = new EnumMap<>(Field.class);

    public UserChanges set(Field field, Object value) {
        values.put(field, value);
        return this;
    }

    public boolean has(Field field) {
        return values.containsKey(field);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Field field) {
        return (T) values.get(field);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
