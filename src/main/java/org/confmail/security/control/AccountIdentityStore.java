package org.confmail.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.confmail.security.entity.Account;

/**
 * Checks a username and password against the accounts table and hands the account's roles to the container. A
 * disabled account never signs in. Scripts send Basic credentials with every call and PBKDF2 is deliberately slow,
 * so a successful check is remembered for {@link #REMEMBER} after the last call, keyed by a digest of the password
 * and by the account's version: any change to the account (password, roles, enabled) bumps the version, and the next call checks again
 * (on every instance, since the version is read from the database each time).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    static final Duration REMEMBER = Duration.ofMinutes(2);
    /** Longer names or passwords are wrong without hashing them: no account has one. */
    static final int MAX_USERNAME = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    AccountService accounts;

    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    private record Remembered(String digest, long version, Instant until) {
    }

    /** A check's result, and whether it took a password hash (false: remembered, or refused unhashed). */
    public record Check(CredentialValidationResult result, boolean hashed) {
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return check(login).result();
    }

    /** Checks the password; may throw {@link PasswordHashing.Busy} when hashing is saturated. */
    public Check check(UsernamePasswordCredential login) {
        String username = normalized(login.getCaller());
        String password = login.getPasswordAsString();
        if (username.isEmpty() || username.length() > MAX_USERNAME || password.length() > PasswordHashing.MAX_LENGTH * 2) {
            return new Check(CredentialValidationResult.INVALID_RESULT, false);
        }
        Account account = em.find(Account.class, username);
        String digest = digest(username, password);
        Remembered remembered = recent.get(username);
        if (account != null && account.enabled() && remembered != null && remembered.version() == account.version()
                && remembered.until().isAfter(Instant.now())
                && MessageDigest.isEqual(remembered.digest().getBytes(), digest.getBytes())) {
            // Sliding: a client that keeps calling keeps its sign-in, and never waits for a hashing turn behind a
            // flood of wrong passwords.
            recent.put(username, new Remembered(digest, remembered.version(), Instant.now().plus(REMEMBER)));
            return new Check(new CredentialValidationResult(username, account.roles()), false);
        }
        boolean matches = passwords.verify(password, account == null ? null : account.passwordHash());
        if (!matches || !account.enabled()) {
            recent.remove(username);
            return new Check(CredentialValidationResult.INVALID_RESULT, true);
        }
        long version = account.version();
        if (PasswordHashing.needsRehash(account.passwordHash())) {
            version = accounts.upgradeHash(username, passwords.hash(password));
        }
        recent.put(username, new Remembered(digest, version, Instant.now().plus(REMEMBER)));
        return new Check(new CredentialValidationResult(username, account.roles()), true);
    }

    /** The roles of an enabled account, read now: how a portal session learns that its account changed. */
    public Optional<Set<String>> currentRoles(String username) {
        Account account = username == null ? null : em.find(Account.class, username);
        return account == null || !account.enabled() ? Optional.empty() : Optional.of(account.roles());
    }

    public static String normalized(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
