package org.confmail.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import org.confmail.platform.ClientAddresses;
import org.confmail.security.Roles;

/**
 * Who is asking, as the services see it: the signed-in account and its roles, the API token it used, and the client
 * address. Outside an HTTP request (start-up, timers, the sender, background bulk work) the caller is the system,
 * which the roles do not restrict.
 */
@ApplicationScoped
public class Caller {

    public static final String SYSTEM = "system";
    /** Request attribute: the name of the API token the request authenticated with. */
    public static final String TOKEN_ATTRIBUTE = "confmail.token";

    private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

    @Inject
    SecurityContext security;

    @Inject
    ClientAddresses clientAddresses;

    /** Set by the request filter for the duration of one HTTP request on this thread. */
    public static void enter(HttpServletRequest request) {
        CURRENT.set(request);
    }

    public static void leave() {
        CURRENT.remove();
    }

    public boolean isSystem() {
        return CURRENT.get() == null;
    }

    /** The account name, or {@value #SYSTEM}, or null for an anonymous HTTP request. */
    public String name() {
        if (isSystem()) {
            return SYSTEM;
        }
        Principal principal = security.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    /** Whether the caller holds one of the roles; the system always does, an anonymous request never. */
    public boolean hasAnyRole(String... roles) {
        if (isSystem()) {
            return true;
        }
        return security.getCallerPrincipal() != null && Arrays.stream(roles).anyMatch(security::isCallerInRole);
    }

    public boolean isAdmin() {
        return hasAnyRole(Roles.ADMIN);
    }

    /** The roles of the caller that are among {@link Roles#ALL}, for messages. */
    public String rolesText() {
        if (isSystem()) {
            return SYSTEM;
        }
        String roles = String.join(", ", Roles.ALL.stream().filter(security::isCallerInRole).toList());
        return roles.isEmpty() ? "none" : roles;
    }

    /** The API token of this request, if it used one. */
    public String tokenName() {
        HttpServletRequest request = CURRENT.get();
        return request == null ? null : (String) request.getAttribute(TOKEN_ATTRIBUTE);
    }

    /** Marks the current HTTP request (if any) with this attribute. */
    public void markRecorded(String attribute) {
        HttpServletRequest request = CURRENT.get();
        if (request != null) {
            request.setAttribute(attribute, Boolean.TRUE);
        }
    }

    public String address() {
        HttpServletRequest request = CURRENT.get();
        return request == null ? null : clientAddresses.of(request);
    }
}
