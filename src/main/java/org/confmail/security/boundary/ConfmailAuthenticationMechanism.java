package org.confmail.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * The one authentication mechanism of the application (Jakarta Security allows one), with two faces:
 * <ul>
 * <li>the API ({@code /api/}) takes HTTP Basic on every call and never looks at a session, so a browser's cookie
 * cannot be used against it;</li>
 * <li>the portal ({@code /admin/}) logs in once through its form ({@code SecurityContext.authenticate}) and keeps
 * the account in the HTTP session; an anonymous visit to a protected page goes to the login page.</li>
 * </ul>
 */
@ApplicationScoped
public class ConfmailAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "confmail";
    public static final String LOGIN_PAGE = "/admin/login.xhtml";
    static final String SESSION_USER = "confmail.user";
    static final String SESSION_ROLES = "confmail.roles";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return api(request, response, context);
        }
        return portal(request, context);
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decodeBasic(header.substring(6).trim());
            if (credential != null) {
                CredentialValidationResult result = identityStores.validate(credential);
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
            return challenge(response, context, "The username or password is not correct.");
        }
        if (context.isProtected()) {
            return challenge(response, context,
                    "Authentication is required: HTTP Basic with an account, or a Bearer API token.");
        }
        return context.doNothing();
    }

    private AuthenticationStatus portal(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                // The login page itself says so; no 401 error page in its place.
                return AuthenticationStatus.SEND_FAILURE;
            }
            // A new session id on login, so a session fixed before login is worthless after it.
            HttpSession old = request.getSession(false);
            if (old != null) {
                request.changeSessionId();
            }
            HttpSession session = request.getSession(true);
            session.setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
            session.setAttribute(SESSION_ROLES, new HashSet<>(result.getCallerGroups()));
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            @SuppressWarnings("unchecked")
            Set<String> roles = (Set<String>) session.getAttribute(SESSION_ROLES);
            return context.notifyContainerAboutLogin(() -> user, roles == null ? Set.of() : roles);
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context,
            String detail) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + detail + "\"}");
            response.flushBuffer();
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
