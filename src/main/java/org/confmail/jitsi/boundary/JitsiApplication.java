package org.confmail.jitsi.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Jitsi Meet's calls, public, under {@code /jitsi}: outside {@code /api/*}, which web.xml guards and where the
 * authentication mechanism challenges, and outside the API's problem documents (Jitsi reads {@code message}).
 * Its classes are listed, as the API application lists its own, so that neither application serves the other's.
 */
@ApplicationPath("jitsi")
public class JitsiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DialInNumbersResource.class, ConferenceMapperResource.class, JitsiCors.class,
                JitsiErrors.class);
    }
}
