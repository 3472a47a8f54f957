package org.confmail.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.tenant.entity.DialInSettings;

/** Reads the tenant's dial-in settings and answers the questions other features ask of them. */
@ApplicationScoped
public class DialInSettingsService {

    public record Sender(String address, String displayName) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ConfmailConfig config;

    public DialInSettings current() {
        return em.find(DialInSettings.class, DialInSettings.THE_ONLY_ID);
    }

    /** From: the tenant's override when it is on, else the service's own sender. */
    public Sender sender() {
        DialInSettings settings = current();
        if (settings.sendEmailFromOverride()) {
            return new Sender(settings.sendEmailFromAddress(), settings.sendEmailFromDisplayName());
        }
        return new Sender(config.defaultFromAddress(), config.defaultFromName());
    }
}
