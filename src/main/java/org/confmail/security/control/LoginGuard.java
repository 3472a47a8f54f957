package org.confmail.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.confmail.platform.config.ConfmailConfig;

/**
 * Slows down password guessing, per account name and per client address alike. The first half of
 * {@code CONFMAIL_LOGIN_LOCK_AFTER} failures (10) in a row cost nothing; each further one makes the next attempt wait
 * twice as long (1 s, 2 s, 4 s ...); the last one locks for {@code CONFMAIL_LOGIN_LOCK_DURATION} (15 minutes). An
 * attempt that comes too early is answered 429 with Retry-After without looking at the password, so it costs no
 * hashing at all. A client address gets five times as many failures as an account before it waits, since an office
 * shares one address. Failures are forgotten after a quiet lock duration, and an account's on a successful sign-in.
 *
 * <p>Names that do not exist are counted like the names that do, so the answers tell nothing about which exist. The
 * counts live in this instance's memory (at most {@link #TRACKED} names and addresses each, the quietest forgotten
 * first); several instances each count their own.
 */
@ApplicationScoped
public class LoginGuard {

    static final int TRACKED = 10_000;
    static final int ADDRESS_FACTOR = 5;

    /** What a failed attempt led to. */
    public enum Outcome { COUNTED, DELAYED, LOCKED }

    @Inject
    ConfmailConfig config;

    private final Map<String, Failures> accounts = tracker();
    private final Map<String, Failures> addresses = tracker();

    private static final class Failures {
        int count;
        Instant last = Instant.EPOCH;
        Instant blockedUntil = Instant.EPOCH;
    }

    /** How long this account or address must still wait before an attempt is looked at; zero when it need not. */
    public Duration waitFor(String account, String address) {
        Instant now = Instant.now();
        Instant until = later(blockedUntil(accounts, key(account)), blockedUntil(addresses, address));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Counts a failed attempt against the account name and the address. */
    public Outcome failed(String account, String address) {
        int lockAfter = config.loginLockAfter();
        Outcome byAccount = count(accounts, key(account), lockAfter);
        Outcome byAddress = count(addresses, address, lockAfter * ADDRESS_FACTOR);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    public Duration lockDuration() {
        return config.loginLockDuration();
    }

    /** A correct password: the account's failures are forgotten (the address's are not). */
    public void succeeded(String account) {
        synchronized (accounts) {
            accounts.remove(key(account));
        }
    }

    private Outcome count(Map<String, Failures> map, String key, int lockAfter) {
        if (key == null) {
            return Outcome.COUNTED;
        }
        Duration lock = config.loginLockDuration();
        Instant now = Instant.now();
        synchronized (map) {
            Failures failures = map.computeIfAbsent(key, k -> new Failures());
            if (failures.last.plus(lock).isBefore(now) && !failures.blockedUntil.isAfter(now)) {
                failures.count = 0;
            }
            failures.count++;
            failures.last = now;
            int free = Math.max(1, lockAfter / 2);
            if (failures.count >= lockAfter) {
                failures.blockedUntil = now.plus(lock);
                failures.count = 0;
                return Outcome.LOCKED;
            }
            if (failures.count >= free) {
                Duration delay = Duration.ofSeconds(1L << Math.min(30, failures.count - free));
                failures.blockedUntil = now.plus(delay.compareTo(lock) < 0 ? delay : lock);
                return Outcome.DELAYED;
            }
            return Outcome.COUNTED;
        }
    }

    private static Instant blockedUntil(Map<String, Failures> map, String key) {
        if (key == null) {
            return Instant.EPOCH;
        }
        synchronized (map) {
            Failures failures = map.get(key);
            return failures == null ? Instant.EPOCH : failures.blockedUntil;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Account names as they are compared: case-insensitive, bounded in length. */
    private static String key(String account) {
        if (account == null) {
            return null;
        }
        String name = account.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static Map<String, Failures> tracker() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > TRACKED;
            }
        };
    }
}
