package org.confmail.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every answer carries. Scripts are governed by the nonce-based policy PrimeFaces sends with each portal
 * page; this adds the rest: no framing by other sites, no plugins, no foreign form targets, no MIME sniffing, and
 * no referrer leaking portal URLs (they hold user names); and HSTS when {@code CONFMAIL_PUBLIC_BASE_URL} is https.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @jakarta.inject.Inject
    transient org.confmail.platform.config.ConfmailConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (config.publicBaseUrl().startsWith("https://")) {
            // Users reach confmail over https (perhaps through a proxy): browsers must never fall back to http.
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        // The logout form's answer sends the browser on to the identity provider's logout (single sign-on), and
        // browsers hold a form's redirects to form-action too: the provider's origin is allowed beside 'self'.
        String formAction = config.oidcIssuer().map(SecurityHeadersFilter::originOf).map(o -> "'self' " + o)
                .orElse("'self'");
        response.addHeader("Content-Security-Policy",
                "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action " + formAction);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/admin/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** scheme://host[:port] of a URL the configuration check accepted. */
    static String originOf(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority();
    }
}
