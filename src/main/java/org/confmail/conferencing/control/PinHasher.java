package org.confmail.conferencing.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** Stores leader PINs as salted PBKDF2 hashes (Jakarta Security's), never in clear. */
@ApplicationScoped
public class PinHasher {

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "50000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String pin) {
        return hash.generate(pin.toCharArray());
    }

    public boolean matches(String pin, String stored) {
        return stored != null && hash.verify(pin.toCharArray(), stored);
    }
}
