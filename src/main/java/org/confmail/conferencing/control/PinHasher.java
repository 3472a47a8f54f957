package org.confmail.conferencing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.confmail.platform.crypto.SecretBox;

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
 * them).
 *
 * <p>confmail only writes these hashes: the PIN is checked by the conferencing bridge, which is given the same key.
 * Hashes an earlier version wrote with PBKDF2 ({@code PBKDF2WithHmacSHA256:...}) stay as they are until the PIN is
 * next reset.
 */
@ApplicationScoped
public class PinHasher {

    static final String FORMAT = "HmacSHA256";
    private static final int SALT_BYTES = 16;

    @Inject
    SecretBox secrets;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    @PostConstruct
    void configure() {
        key = new SecretKeySpec(secrets.derivedKey("confmail pin hashes v1"), "HmacSHA256");
    }

    public String hash(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return FORMAT + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(mac(salt, pin));
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
