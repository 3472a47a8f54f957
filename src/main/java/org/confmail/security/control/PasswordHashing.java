package org.confmail.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.confmail.platform.problem.Standards;

/**
 * Account passwords, hashed with Jakarta Security's PBKDF2 at the cost OWASP's Password Storage Cheat Sheet
 * recommends today for PBKDF2: HMAC-SHA-256 with 600,000 iterations, a 16-byte random salt and a 32-byte key.
 * Stored hashes carry their own parameters, so older ones (100,000 iterations before) still verify and are
 * rehashed at the next successful sign-in.
 *
 * <p>One hash costs 0.2 to 0.7 s of one core on a two-core machine. So hashing is bounded: at most half the cores
 * hash at once and a few callers wait their turn; anyone beyond that is told at once that sign-in is busy
 * ({@link Busy}), instead of a flood of wrong passwords tying up every request thread and every core. A check for an
 * account that does not exist hashes against a dummy hash of the same cost, so the answer takes as long as for an
 * account that does.
 */
@ApplicationScoped
public class PasswordHashing {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    /** How long a caller waits for a turn before sign-in answers busy. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /** Sign-in is saturated: answer 503 with Retry-After instead of queueing more work. */
    public static class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy() {
            super("Too many sign-ins are being checked at once", null, false, false);
        }
    }

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private final int concurrent = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private final int queue = 4 * concurrent;
    private final Semaphore turns = new Semaphore(concurrent, true);
    private final AtomicInteger waiting = new AtomicInteger();
    private String dummyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        char[] random = new char[24];
        SecureRandom rng = new SecureRandom();
        for (int i = 0; i < random.length; i++) {
            random[i] = (char) ('a' + rng.nextInt(26));
        }
        dummyHash = pbkdf2.generate(random);
    }

    /** A new hash of the password, at today's cost. */
    public String hash(String password) {
        return bounded(() -> pbkdf2.generate(password.toCharArray()));
    }

    /**
     * Whether the password matches the stored hash; with no stored hash (no such account), checks against the dummy
     * hash and answers false, taking the same time.
     */
    public boolean verify(String password, String storedHash) {
        return bounded(() -> {
            boolean matches = pbkdf2.verify(password.toCharArray(), storedHash == null ? dummyHash : storedHash);
            return matches && storedHash != null;
        });
    }

    /** A hash made with other parameters than today's: rehash it when the password is at hand. */
    public static boolean needsRehash(String storedHash) {
        String[] parts = storedHash.split(":");
        return parts.length != 4 || !parts[0].equals(ALGORITHM) || Integer.parseInt(parts[1]) < ITERATIONS;
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String problemWith(String password, String username) {
        if (password == null || password.isEmpty()) {
            return "is required";
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return "must have at least " + MIN_LENGTH + " characters";
        }
        if (length > MAX_LENGTH) {
            return "must have at most " + MAX_LENGTH + " characters";
        }
        if (!Standards.isWellFormed(password) || password.chars().anyMatch(Character::isISOControl)) {
            return "must not contain control characters or broken Unicode";
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return "must not be the username";
        }
        return null;
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        if (!turns.tryAcquire()) {
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw new Busy();
            }
            try {
                if (!turns.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new Busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Busy();
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
