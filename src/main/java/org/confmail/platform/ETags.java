package org.confmail.platform;

import jakarta.ws.rs.core.EntityTag;
import org.confmail.platform.problem.ProblemException;

/** Versions as ETags, and If-Match headers back to versions, for optimistic concurrency over HTTP. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** The version an If-Match header expects, or null when the caller did not ask for a check. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag this API gave out");
        }
    }
}
