package org.confmail.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.logging.Logger;
import org.confmail.audit.control.AuditTrail;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.platform.ClientAddresses;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.security.control.OpenIdProvider;

/**
 * The portal's single sign-on pages, served by the authentication mechanism: {@value #START} sends the browser to
 * the identity provider, {@value #CALLBACK} is where the provider sends it back (the redirect URI to register).
 * Both answer 404 while single sign-on is off.
 *
 * <p>The portal's session cookie is {@code SameSite=Strict}, so the browser does not send it on the way back from the
 * provider (another site). The flow's own cookie is {@code SameSite=Lax}, which top-level navigations carry, and
 * the signed-in browser leaves the callback through a small page of confmail's own: the portal it then opens is
 * a same-site navigation that carries the new session cookie.
 */
@ApplicationScoped
public class OpenIdSignIn {

    private static final Logger LOG = Logger.getLogger(OpenIdSignIn.class.getName());

    public static final String START = "/admin/sign-in";
    public static final String CALLBACK = "/admin/sign-in/callback";
    public static final String NO_ACCESS_PAGE = "/admin/no-access.xhtml";
    /** Session attribute: the {@link OpenIdProvider.SignedIn} of a person signed in through the provider. */
    public static final String SESSION_SIGNED_IN = "confmail.oidc";
    /** Request attributes of the no-access page: the name signed in, and where to sign out of the provider. */
    public static final String DENIED_NAME = "confmail.oidc.denied";
    public static final String DENIED_LOGOUT = "confmail.oidc.logout";
    static final String FLOW_COOKIE = "confmail_sign_in";

    @Inject
    OpenIdProvider provider;

    @Inject
    ConfmailConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    ClientAddresses clientAddresses;

    public static boolean handles(String path) {
        return path.equals(START) || path.equals(CALLBACK);
    }

    public AuthenticationStatus handle(String path, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (!provider.enabled()) {
            return notFound(response);
        }
        if (!"GET".equals(request.getMethod())) {
            response.setHeader("Allow", "GET");
            return status(response, 405);
        }
        return path.equals(START) ? start(request, response, context) : callback(request, response, context);
    }

    private AuthenticationStatus start(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        try {
            OpenIdProvider.Start start = provider.begin(redirectUri());
            response.addCookie(flowCookie(start.sealedFlow(), (int) java.time.Duration.ofMinutes(10).toSeconds()));
            return context.redirect(start.location().toString());
        } catch (OpenIdProvider.Refused e) {
            return context.redirect(request.getContextPath() + ConfmailAuthenticationMechanism.LOGIN_PAGE
                    + "?sso=unavailable");
        }
    }

    private AuthenticationStatus callback(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String sealed = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().equals(FLOW_COOKIE)) {
                    sealed = cookie.getValue();
                }
            }
        }
        // One flow, one callback: the cookie goes whatever happens next.
        response.addCookie(flowCookie("", 0));
        String address = clientAddresses.of(request);
        OpenIdProvider.SignedIn who;
        try {
            String query = request.getQueryString();
            URI callback = URI.create(config.publicBaseUrl() + CALLBACK + (query == null ? "" : "?" + query));
            who = provider.complete(callback, sealed, redirectUri());
        } catch (OpenIdProvider.Refused | IllegalArgumentException e) {
            String reason = e instanceof OpenIdProvider.Refused ? e.getMessage() : "the callback's query is malformed";
            audit.record(null, null, address, "login.failure", null, AuditOutcome.DENIED,
                    "single sign-on (" + provider.issuer() + "): " + reason);
            LOG.info("Single sign-on refused from " + address + ": " + reason);
            boolean unavailable = e instanceof OpenIdProvider.Refused refused && refused.providerUnavailable();
            return context.redirect(request.getContextPath() + ConfmailAuthenticationMechanism.LOGIN_PAGE
                    + "?sso=" + (unavailable ? "unavailable" : "failed"));
        }
        String detail = "single sign-on: subject " + who.subject() + " at " + who.issuer();
        if (who.roles().isEmpty()) {
            audit.record(who.name(), null, address, "login.failure", who.name(), AuditOutcome.DENIED,
                    detail + "; no group maps to a role (groups: " + String.join(", ", who.groups()) + ")");
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            request.setAttribute(DENIED_NAME, who.name());
            provider.logoutUri(who.idToken(), loginPage()).ifPresent(uri ->
                    request.setAttribute(DENIED_LOGOUT, uri.toString()));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return context.forward(NO_ACCESS_PAGE);
        }
        // A new session on sign-in: a session fixed before it is worthless after it.
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(SESSION_SIGNED_IN, who);
        audit.record(who.name(), null, address, "login.success", who.name(), AuditOutcome.SUCCESS,
                detail + "; roles " + String.join(", ", who.roles()));
        return continuePage(request, response);
    }

    /** The roles of a person signed in through the provider in this session, if one is. */
    public static Set<String> roles(HttpSession session) {
        return session != null && session.getAttribute(SESSION_SIGNED_IN) instanceof OpenIdProvider.SignedIn who
                ? who.roles() : null;
    }

    /** A page of confmail's own that opens the portal: see the class comment for why not a redirect. */
    private AuthenticationStatus continuePage(HttpServletRequest request, HttpServletResponse response) {
        Locale locale = request.getLocale() != null && request.getLocale().getLanguage().equals("fr")
                ? Locale.FRENCH : Locale.ENGLISH;
        String target = request.getContextPath() + "/admin/index.xhtml";
        String title = text(locale, "sso.continue.title", "Signing in");
        String link = text(locale, "sso.continue.link", "Continue to the portal");
        try {
            response.setStatus(200);
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                    + "<meta charset=\"UTF-8\"><meta http-equiv=\"refresh\" content=\"0;url=" + target + "\">"
                    + "<title>" + title + " · confmail</title></head><body><main><h1>" + title + "</h1>"
                    + "<p><a href=\"" + target + "\">" + link + "</a></p></main></body></html>");
            response.flushBuffer();
        } catch (IOException e) {
            // The browser went away; the session is there for its next visit.
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private URI redirectUri() {
        return URI.create(config.publicBaseUrl() + CALLBACK);
    }

    private URI loginPage() {
        return URI.create(config.publicBaseUrl() + ConfmailAuthenticationMechanism.LOGIN_PAGE);
    }

    private Cookie flowCookie(String value, int maxAge) {
        Cookie cookie = new Cookie(FLOW_COOKIE, value);
        cookie.setPath(START);
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAge);
        cookie.setSecure(config.publicBaseUrl().startsWith("https://"));
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    private static String text(Locale locale, String key, String fallback) {
        try {
            return ResourceBundle.getBundle("org.confmail.portal.messages", locale).getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static AuthenticationStatus notFound(HttpServletResponse response) {
        return status(response, 404);
    }

    private static AuthenticationStatus status(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            // The client went away.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
