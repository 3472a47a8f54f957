package org.confmail.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Set;
import java.util.logging.Logger;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.security.Roles;
import org.confmail.security.entity.Account;

/**
 * Makes sure someone can log in on a fresh installation: when no account holds the admin role, it creates
 * {@code admin} with {@code CONFMAIL_ADMIN_PASSWORD}, or with a generated password logged this once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class BootstrapAdmin {

    public static final String USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountIdentityStore accounts;

    @Inject
    ConfmailConfig config;

    @PostConstruct
    void ensureAdmin() {
        long admins = em.createNamedQuery(Account.COUNT_WITH_ROLE, Long.class)
                .setParameter("pattern", "%" + Roles.ADMIN + "%").getSingleResult();
        if (admins > 0 || em.find(Account.class, USERNAME) != null) {
            return;
        }
        String password = config.adminPassword().orElseGet(BootstrapAdmin::generatePassword);
        em.persist(new Account(USERNAME, accounts.hash(password), Set.of(Roles.ADMIN)));
        if (config.adminPassword().isPresent()) {
            LOG.info("Created the bootstrap account 'admin' with the password from CONFMAIL_ADMIN_PASSWORD");
        } else {
            LOG.warning("Created the bootstrap account 'admin' with the generated password " + password
                    + " (shown this once; set CONFMAIL_ADMIN_PASSWORD to choose it on a fresh installation)");
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
