package org.confmail.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.confmail.audit.control.AuditTrail;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.security.Roles;
import org.confmail.security.entity.Account;

/**
 * Makes sure someone can sign in, and is the way back in when nobody can:
 * <ul>
 * <li>with {@code CONFMAIL_ADMIN_PASSWORD} set, the account {@code admin} follows it: on the first start, and on every
 * start where the value differs from the one last applied, {@code admin} gets that password (and is created,
 * enabled and given the admin role if it needs to be). A start with the same value leaves a password changed since
 * then alone. Only a PBKDF2 hash of the applied value is kept, to notice a change.</li>
 * <li>without it, when no enabled admin exists (a fresh installation), {@code admin} gets a generated password that
 * is written to {@code admin-password.txt} in the data directory, readable by its owner only. The log says where,
 * never what.</li>
 * </ul>
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class BootstrapAdmin {

    public static final String USERNAME = "admin";
    public static final String PASSWORD_FILE = "admin-password.txt";
    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    ConfmailConfig config;

    @Inject
    AuditTrail audit;

    @PostConstruct
    void ensureAdmin() {
        // Several instances may start at once on one database: the first decides, the others wait for its commit
        // and then find admin as it left it.
        em.createNativeQuery("SELECT id FROM dial_in_settings WHERE id = 1 FOR UPDATE").getResultList();
        Optional<String> configured = config.adminPassword();
        if (configured.isPresent()) {
            follow(configured.get());
        } else if (em.createNamedQuery(Account.ENABLED, Account.class).getResultList().stream()
                .noneMatch(Account::isEnabledAdmin)) {
            generate();
        }
    }

    private void follow(String password) {
        List<?> applied = em.createNativeQuery("SELECT applied_password_hash FROM bootstrap_admin WHERE id = 1")
                .getResultList();
        Account admin = em.find(Account.class, USERNAME);
        if (admin != null && !applied.isEmpty() && passwords.verify(password, (String) applied.get(0))) {
            return;
        }
        String hash = passwords.hash(password);
        String what = apply(admin, hash);
        em.createNativeQuery("DELETE FROM bootstrap_admin").executeUpdate();
        em.createNativeQuery("INSERT INTO bootstrap_admin (id, applied_password_hash, applied_at) VALUES (1, ?, ?)")
                .setParameter(1, hash)
                .setParameter(2, LocalDateTime.now(ZoneOffset.UTC)).executeUpdate();
        audit.record(Caller.SYSTEM, null, null, "account.bootstrap", USERNAME, AuditOutcome.SUCCESS,
                what + " from CONFMAIL_ADMIN_PASSWORD");
        LOG.info("The account 'admin' " + what + " from CONFMAIL_ADMIN_PASSWORD (applied because the value is new)");
    }

    private void generate() {
        String password = generatePassword();
        Path file = config.dataDir().resolve(PASSWORD_FILE).toAbsolutePath();
        write(file, password);
        String what = apply(em.find(Account.class, USERNAME), passwords.hash(password));
        audit.record(Caller.SYSTEM, null, null, "account.bootstrap", USERNAME, AuditOutcome.SUCCESS,
                what + ", generated password in " + file);
        LOG.info("No enabled admin account: the account 'admin' " + what + " with a generated password, written to "
                + file + " (readable by this user only). Sign in, change it, and delete the file;"
                + " or set CONFMAIL_ADMIN_PASSWORD to choose the password.");
    }

    /** Creates, or resets and re-enables, the account admin with this password hash; answers what it did. */
    private String apply(Account admin, String hash) {
        if (admin == null) {
            em.persist(new Account(USERNAME, hash, Set.of(Roles.ADMIN)));
            return "was created";
        }
        admin.setPasswordHash(hash);
        if (!admin.enabled()) {
            admin.setEnabled(true);
        }
        if (!admin.roles().contains(Roles.ADMIN)) {
            Set<String> roles = new java.util.TreeSet<>(admin.roles());
            roles.add(Roles.ADMIN);
            admin.setRoles(roles);
        }
        return "got its password (enabled, with the admin role)";
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the generated admin password to " + file, e);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
