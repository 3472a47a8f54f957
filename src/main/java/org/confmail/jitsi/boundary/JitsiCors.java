package org.confmail.jitsi.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.config.WebAddresses;

/**
 * CORS for the Jitsi calls: the Jitsi Meet page runs on its own origin and reads these answers with
 * {@code fetch}, which the browser allows only when the answer names that origin (or {@code *}) in
 * {@code Access-Control-Allow-Origin}. The origins come from {@code CONFMAIL_JITSI_ALLOWED_ORIGINS}; nothing is
 * ever allowed with credentials, since nothing here reads them. A preflight (OPTIONS) is answered here.
 */
@Provider
@PreMatching
@ApplicationScoped
public class JitsiCors implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    @Inject
    ConfmailConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getMethod().equals("OPTIONS") && request.getHeaderString("Origin") != null
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder preflight = Response.noContent();
            String origin = allowedOrigin(request.getHeaderString("Origin"));
            if (origin != null) {
                preflight.header(ALLOW_ORIGIN, origin)
                        .header("Access-Control-Allow-Methods", "GET")
                        .header("Access-Control-Max-Age", "600");
            }
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        String origin = allowedOrigin(request.getHeaderString("Origin"));
        if (origin != null) {
            headers.putSingle(ALLOW_ORIGIN, origin);
        }
        if (!"*".equals(origin) && !config.jitsiAllowedOrigins().contains("*")) {
            // The answer depends on the caller's origin: caches must keep one per origin.
            headers.add("Vary", "Origin");
        }
    }

    /** What to put in Access-Control-Allow-Origin for this Origin header, or null for nothing. */
    private String allowedOrigin(String origin) {
        List<String> allowed = config.jitsiAllowedOrigins();
        if (allowed.contains("*")) {
            return "*";
        }
        if (origin == null || allowed.isEmpty()) {
            return null;
        }
        try {
            String normalized = WebAddresses.origin(origin);
            return allowed.contains(normalized) ? normalized : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
