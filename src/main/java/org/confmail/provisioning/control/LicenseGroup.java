package org.confmail.provisioning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import org.confmail.conferencing.control.UserChanges;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.platform.config.ConfmailConfig;

/**
 * The rule that ties the directory to the license: a user holds the audio-conferencing license exactly when they
 * are active and a member of the license group ({@code CONFMAIL_SCIM_LICENSE_GROUP}, any case). A change goes
 * through {@link UserService#update}, the operation the API and the portal use, so it sends what they send:
 * LICENSE_ASSIGNED with a new PIN, or DIAL_IN_DISABLED.
 */
@ApplicationScoped
public class LicenseGroup {

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    ConfmailConfig config;

    public boolean is(String displayName) {
        return displayName != null && displayName.strip().equalsIgnoreCase(config.scimLicenseGroup());
    }

    public boolean hasMember(ConferencingUser user) {
        return em.createQuery("SELECT COUNT(g) FROM ScimGroup g JOIN g.members m WHERE m.id = :userId"
                        + " AND LOWER(g.displayName) = :name", Long.class)
                .setParameter("userId", user.id())
                .setParameter("name", config.scimLicenseGroup().toLowerCase(Locale.ROOT)).getSingleResult() > 0;
    }

    /** The license the user should hold, given whether they are in the license group. */
    public static boolean licensed(ConferencingUser user, boolean member) {
        return user.active() && member;
    }

    /** Gives or takes the license as the rule says; answers +1 (given), -1 (taken) or 0. */
    public int settle(ConferencingUser user, boolean member) {
        boolean wanted = licensed(user, member);
        if (user.audioConferencingLicense() == wanted) {
            return 0;
        }
        users.update(user.userPrincipalName(), new UserChanges().set(UserChanges.Field.audioConferencingLicense,
                wanted), null);
        return wanted ? 1 : -1;
    }
}
