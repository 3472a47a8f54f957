package org.confmail.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.confmail.audit.control.AuditTrail;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.platform.ClientAddresses;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.database.DatabaseErrors;
import org.confmail.platform.problem.ProblemMappers;
import org.confmail.security.control.AccountIdentityStore;
import org.confmail.security.control.ApiTokens;
import org.confmail.security.control.Caller;
import org.confmail.security.control.LoginGuard;
import org.confmail.security.control.PasswordHashing;
import org.confmail.security.entity.ApiToken;

/**
 * The one authentication mechanism of the application (Jakarta Security allows one), with two faces:
 * <ul>
 * <li>the API ({@code /api/}, and {@code /health}, {@code /metrics}, {@code /openapi}) takes HTTP Basic with an
 * account or {@code Authorization: Bearer} with an API token on every call, and never looks at a session, so a
 * browser's cookie cannot be used against it;</li>
 * <li>the portal ({@code /admin/}) signs in once through its form ({@code SecurityContext.authenticate}) and keeps
 * the account name in the HTTP session; each request reads the account's roles afresh, so a disabled account or a
 * changed role takes effect at once. An anonymous visit to a protected page goes to the login page.</li>
 * <li>or, with single sign-on on, through the identity provider ({@link OpenIdSignIn}): the session then keeps the
 * roles the person's groups gave at sign-in, for the session's life.</li>
 * </ul>
 * {@code CONFMAIL_LOCAL_SIGN_IN=false} refuses passwords on both faces (API tokens and single sign-on remain).
 * Passwords go through the {@link LoginGuard} (429 with Retry-After while an account or address must wait) and the
 * bounded hashing of {@link PasswordHashing} (503 with Retry-After when sign-in is saturated). Every checked password
 * and every refused token is recorded in the audit trail; an API call's success is recorded when its password was
 * checked (not when it was remembered from the last two minutes), a portal sign-in's always.
 */
@ApplicationScoped
public class ConfmailAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "confmail";
    public static final String LOGIN_PAGE = "/admin/login.xhtml";
    static final String SESSION_USER = "confmail.user";
    /** Request attribute for the login page: seconds to wait (locked) or -1 (busy). */
    public static final String REFUSED_ATTRIBUTE = "confmail.login.refused";

    @Inject
    AccountIdentityStore accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    LoginGuard guard;

    @Inject
    AuditTrail audit;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    OpenIdSignIn openId;

    @Inject
    ConfmailConfig config;

    /** How a password check ended. */
    private sealed interface Verdict {
    }

    private record Valid(CredentialValidationResult result) implements Verdict {
    }

    private record Wrong() implements Verdict {
    }

    private record Wait(Duration retryAfter) implements Verdict {
    }

    private record Busy() implements Verdict {
    }

    /** Password sign-in is switched off ({@code CONFMAIL_LOCAL_SIGN_IN=false}). */
    private record Off() implements Verdict {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (path.startsWith("/scim/")) {
                return scim(request, response, context);
            }
            if (path.startsWith("/api/") || EndpointGuard.isEndpoint(path)) {
                return api(request, response, context);
            }
            return portal(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUnavailable(e)) {
                throw e;
            }
            // Accounts and tokens live in the database: while it is away, say so instead of a 500 or a wrong 401.
            response.setHeader("Retry-After", String.valueOf(ProblemMappers.DATABASE_RETRY_AFTER_SECONDS));
            String detail = "The database does not answer at the moment; nothing was changed. Try again in a few"
                    + " seconds.";
            return path.startsWith("/scim/") ? scimError(response, 503, detail)
                    : challenge(response, 503, "Database unavailable", detail, null);
        }
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = decodeBasic(header.substring(6).trim());
            if (credential == null) {
                return challenge(response, 401, "Unauthorized", "The Basic credentials are malformed.", null);
            }
            Verdict verdict = check(request, credential, "API");
            if (verdict instanceof Valid valid) {
                return context.notifyContainerAboutLogin(valid.result());
            }
            return refuse(response, verdict, "The username or password is not correct.");
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, response, context, header.substring(7).trim());
        }
        if (context.isProtected()) {
            return challenge(response, 401, "Unauthorized",
                    "Authentication is required: HTTP Basic with an account, or a Bearer API token.", null);
        }
        return context.doNothing();
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, String secret) {
        ApiTokens.Check check = tokens.check(secret, clientAddresses.of(request));
        if (check.valid()) {
            return signIn(request, context, check);
        }
        String why = refused(request, check, "API token");
        return challenge(response, 401, "Unauthorized", why, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
    }

    private static AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
            ApiTokens.Check check) {
        request.setAttribute(Caller.TOKEN_ATTRIBUTE, check.token().name());
        return context.notifyContainerAboutLogin(check.token()::username, check.roles());
    }

    /** Audits a refused token (API or SCIM) and answers why, for the caller. */
    private String refused(HttpServletRequest request, ApiTokens.Check check, String channel) {
        String why = check.status() == ApiToken.Status.EXPIRED ? "The API token has expired."
                : check.status() == ApiToken.Status.REVOKED ? "The API token was revoked."
                : "The API token is not valid.";
        ApiToken token = check.token();
        audit.record(token == null ? null : token.username(), token == null ? null : token.name(),
                clientAddresses.of(request), "login.failure", token == null ? null : token.username(),
                AuditOutcome.DENIED, channel + ": " + why);
        return why;
    }

    /**
     * SCIM ({@code /scim/}) takes an API token and nothing else, as identity providers send it; its refusals are SCIM
     * error documents. Which role the token must have is the SCIM application's to say (provisioner).
     */
    private AuthenticationStatus scim(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return scimError(response, 401, "SCIM needs Authorization: Bearer with the API token of an account"
                    + " with the provisioner role.");
        }
        ApiTokens.Check check = tokens.check(header.substring(7).trim(), clientAddresses.of(request));
        if (check.valid()) {
            return signIn(request, context, check);
        }
        return scimError(response, 401, refused(request, check, "SCIM API token"));
    }

    private static AuthenticationStatus scimError(HttpServletResponse response, int status, String detail) {
        try {
            response.setStatus(status);
            response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            response.setContentType("application/scim+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder()
                    .add("schemas", Json.createArrayBuilder().add("urn:ietf:params:scim:api:messages:2.0:Error"))
                    .add("status", String.valueOf(status)).add("detail", detail).build().toString());
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; nothing to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus portal(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OpenIdSignIn.handles(path)) {
            return openId.handle(path, request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential login) {
            Verdict verdict = check(request, login, "portal");
            if (!(verdict instanceof Valid valid)) {
                if (verdict instanceof Wait wait) {
                    request.setAttribute(REFUSED_ATTRIBUTE, seconds(wait.retryAfter()));
                } else if (verdict instanceof Busy) {
                    request.setAttribute(REFUSED_ATTRIBUTE, -1L);
                } else if (verdict instanceof Off) {
                    request.setAttribute(REFUSED_ATTRIBUTE, 0L);
                }
                // The login page itself says so; no 401 error page in its place.
                return AuthenticationStatus.SEND_FAILURE;
            }
            // A new session id on login, so a session fixed before login is worthless after it.
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            request.getSession(true).setAttribute(SESSION_USER, valid.result().getCallerPrincipal().getName());
            return context.notifyContainerAboutLogin(valid.result());
        }
        HttpSession session = request.getSession(false);
        Set<String> signedOn = OpenIdSignIn.roles(session);
        if (signedOn != null) {
            // Signed in through the identity provider: the roles its groups gave at sign-in, for the session.
            String name = ((org.confmail.security.control.OpenIdProvider.SignedIn)
                    session.getAttribute(OpenIdSignIn.SESSION_SIGNED_IN)).name();
            return context.notifyContainerAboutLogin(() -> name, signedOn);
        }
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            Optional<Set<String>> roles = accounts.currentRoles(user);
            if (roles.isPresent()) {
                return context.notifyContainerAboutLogin(() -> user, roles.get());
            }
            // Disabled or deleted since the sign-in: the session ends here.
            session.invalidate();
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /** Checks a password under the guard's limits, and records the outcome. */
    private Verdict check(HttpServletRequest request, UsernamePasswordCredential login, String channel) {
        String username = AccountIdentityStore.normalized(login.getCaller());
        String address = clientAddresses.of(request);
        if (!config.localSignIn()) {
            audit.record(username, null, address, "login.failure", username, AuditOutcome.DENIED,
                    channel + ": password sign-in is turned off (CONFMAIL_LOCAL_SIGN_IN=false)");
            return new Off();
        }
        Duration wait = guard.waitFor(username, address);
        if (!wait.isZero()) {
            return new Wait(wait);
        }
        AccountIdentityStore.Check check;
        try {
            check = accounts.check(login);
        } catch (PasswordHashing.Busy e) {
            return new Busy();
        }
        if (check.result().getStatus() == CredentialValidationResult.Status.VALID) {
            guard.succeeded(username);
            if (check.hashed() || channel.equals("portal")) {
                audit.record(username, null, address, "login.success", username, AuditOutcome.SUCCESS, channel);
            }
            return new Valid(check.result());
        }
        LoginGuard.Outcome outcome = guard.failed(username, address);
        audit.record(username, null, address, "login.failure", username,
                outcome == LoginGuard.Outcome.LOCKED ? AuditOutcome.LIMITED : AuditOutcome.DENIED,
                channel + ": wrong username or password" + switch (outcome) {
                    case LOCKED -> "; locked for " + guard.lockDuration();
                    case DELAYED -> "; the next attempt must wait";
                    case COUNTED -> "";
                });
        return new Wrong();
    }

    private AuthenticationStatus refuse(HttpServletResponse response, Verdict verdict, String wrong) {
        if (verdict instanceof Wait wait) {
            long seconds = seconds(wait.retryAfter());
            response.setHeader("Retry-After", String.valueOf(seconds));
            return challenge(response, 429, "Too many failed sign-ins", "Too many failed sign-ins for this account"
                    + " or from this address: try again in " + seconds + " s.", null);
        }
        if (verdict instanceof Busy) {
            response.setHeader("Retry-After", "1");
            return challenge(response, 503, "Sign-in busy", "Too many sign-ins are being checked at once; try"
                    + " again in a moment. (Scripts: an API token is checked without this cost.)", null);
        }
        if (verdict instanceof Off) {
            return challenge(response, 401, "Unauthorized", "Password sign-in is turned off here: use an API token"
                    + " (Authorization: Bearer).", null);
        }
        return challenge(response, 401, "Unauthorized", wrong, null);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
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

    /** Writes a problem document; a 401 carries the challenges (Basic, and Bearer's own when a token failed). */
    static AuthenticationStatus challenge(HttpServletResponse response, int status, String title, String detail,
            String bearerChallenge) {
        try {
            response.setStatus(status);
            if (status == 401) {
                response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
                response.addHeader("WWW-Authenticate", bearerChallenge != null ? bearerChallenge
                        : "Bearer realm=\"" + REALM + "\"");
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("type", "about:blank").add("title", title)
                    .add("status", status).add("detail", detail).build().toString());
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; nothing to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
