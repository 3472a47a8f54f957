package org.confmail.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Optional;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.security.boundary.ConfmailAuthenticationMechanism;
import org.confmail.security.boundary.OpenIdSignIn;
import org.confmail.security.control.OpenIdProvider;

/** Signs an account in through the application's authentication mechanism, and out again. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    SecurityContext security;

    @Inject
    OpenIdProvider provider;

    @Inject
    ConfmailConfig config;

    private String username;
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                password == null ? "" : password)));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/admin/index.xhtml");
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SEND_FAILURE || status == AuthenticationStatus.NOT_DONE) {
            // The page is shown with the message; the status says what happened (429, 503 with Retry-After).
            HttpServletResponse response = (HttpServletResponse) external.getResponse();
            Object refused = ((HttpServletRequest) external.getRequest())
                    .getAttribute(ConfmailAuthenticationMechanism.REFUSED_ATTRIBUTE);
            if (refused instanceof Long off && off == 0) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                Messages.error("login.off");
            } else if (refused instanceof Long seconds && seconds > 0) {
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(seconds));
                Messages.error("login.locked", seconds);
            } else if (refused instanceof Long) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "1");
                Messages.error("login.busy");
            } else {
                response.setStatus(HttpServletResponse.SC_OK);
                Messages.error("login.failed");
            }
        }
    }

    /**
     * Ends the portal session and, for a person signed in through the identity provider, the provider's session
     * too when it offers RP-initiated logout (it then sends the browser back to the login page).
     */
    public void logout() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = request.getSession(false);
        Optional<URI> providerLogout = Optional.empty();
        if (session != null && session.getAttribute(OpenIdSignIn.SESSION_SIGNED_IN)
                instanceof OpenIdProvider.SignedIn who) {
            providerLogout = provider.logoutUri(who.idToken(),
                    URI.create(config.publicBaseUrl() + ConfmailAuthenticationMechanism.LOGIN_PAGE));
        }
        request.logout();
        external.invalidateSession();
        external.redirect(providerLogout.map(URI::toString)
                .orElse(external.getRequestContextPath() + ConfmailAuthenticationMechanism.LOGIN_PAGE));
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** Whether the login page offers single sign-on. */
    public boolean isSingleSignOn() {
        return provider.enabled();
    }

    /** Whether the login page offers the password form. */
    public boolean isLocalSignIn() {
        return config.localSignIn();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
