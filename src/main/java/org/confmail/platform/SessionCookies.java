package org.confmail.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.confmail.platform.config.ConfmailConfig;

/**
 * The portal's session cookie is {@code Secure} when users reach confmail over https ({@code
 * CONFMAIL_PUBLIC_BASE_URL}), so a browser never sends it over plain http; HttpOnly and SameSite=Strict it always is
 * (web.xml). Set as the application starts, the only time the servlet API allows it.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    ConfmailConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (config.publicBaseUrl().startsWith("https://")) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
