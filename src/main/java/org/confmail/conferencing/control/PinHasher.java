package org.confmail.conferencing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.confmail.mail.control.SecretBox;

/**
 * Stores leader PINs as salted keyed hashes, never in clear: {@code HmacSHA256:<salt>:<mac>}, HMAC-SHA-256 of the
 * salt and the PIN under a key derived from {@code CONFMAIL_SECRET_KEY} (or the data directory's {@code secret.key}),
 * which is never in the database.
 *
 * <p>Why not a slow hash: a PIN is 5 to 12 digits, at most 10^12 candidates. A stolen database with PBKDF2 hashes
 * (50,000 iterations, what this class wrote before) still lets anyone try every 6-digit PIN of a user in minutes on one
 * GPU; with a keyed hash, the database alone does not let anyone test a single candidate. And PBKDF2 cost 20 to 50 ms
 * of a core per PIN, which capped an import at a few dozen licensed users per second on two cores; the keyed hash costs
 * a few microseconds. The price, as for API tokens: changing the secret key makes the stored PINs unverifiable (reset
 * them). Hashes in the earlier PBKDF2 format still verify.
 */
@ApplicationScoped
public class PinHasher {

    static final String FORMAT = "HmacSHA256";
    private static final int SALT_BYTES = 16;

    @Inject
    Pbkdf2PasswordHash legacy;

    @Inject
    SecretBox secrets;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    @PostConstruct
    void configure() {
        legacy.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "50000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        key = new SecretKeySpec(secrets.derivedKey("confmail pin hashes v1"), "HmacSHA256");
    }

    public String hash(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return FORMAT + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(mac(salt, pin));
    }

    public boolean matches(String pin, String stored) {
        if (pin == null || stored == null) {
            return false;
        }
        if (!stored.startsWith(FORMAT + ":")) {
            return legacy.verify(pin.toCharArray(), stored);
        }
        String[] parts = stored.split(":");
        if (parts.length != 3) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return MessageDigest.isEqual(b64.decode(parts[2]), mac(b64.decode(parts[1]), pin));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(byte[] salt, String pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(salt);
            return mac.doFinal(pin.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
        }
    }
}
