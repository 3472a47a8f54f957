package org.confmail.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.confmail.security.entity.Account;

/**
 * Checks a username and password against the accounts table and hands the account's roles to the container.
 * Hashes are PBKDF2 (Jakarta Security's own). A successful check is remembered briefly, keyed by a digest of the
 * password, because scripts send Basic credentials with every call and PBKDF2 is deliberately slow.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    static final Duration REMEMBER = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    private record Remembered(String digest, java.util.Set<String> roles, Instant until) {
    }

    @PostConstruct
    void configureHash() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "100000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        return passwordHash.generate(password.toCharArray());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String username = login.getCaller();
        String digest = digest(username, login.getPasswordAsString());
        Remembered remembered = recent.get(username);
        if (remembered != null && remembered.until().isAfter(Instant.now())
                && MessageDigest.isEqual(remembered.digest().getBytes(), digest.getBytes())) {
            return new CredentialValidationResult(username, remembered.roles());
        }
        Account account = em.find(Account.class, username);
        if (account == null || !passwordHash.verify(login.getPassword().getValue(), account.passwordHash())) {
            recent.remove(username);
            return CredentialValidationResult.INVALID_RESULT;
        }
        recent.put(username, new Remembered(digest, account.roles(), Instant.now().plus(REMEMBER)));
        return new CredentialValidationResult(username, account.roles());
    }

    /** Forget remembered logins of this account (password or roles changed). */
    public void forget(String username) {
        recent.remove(username);
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return java.util.HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
