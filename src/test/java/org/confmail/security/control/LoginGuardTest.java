package org.confmail.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.confmail.platform.config.ConfmailConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

    LoginGuard guard;

    @BeforeEach
    void guard() {
        guard = new LoginGuard();
        guard.config = new ConfmailConfig() {
            @Override
            public int loginLockAfter() {
                return 10;
            }

            @Override
            public Duration loginLockDuration() {
                return Duration.ofMinutes(15);
            }
        };
    }

    @Test
    void theFirstHalfOfTheFailuresAreFreeThenEachDoublesTheWaitThenTheAccountIsLocked() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(LoginGuard.Outcome.COUNTED, guard.failed("ada", "10.0.0." + i));
            assertEquals(Duration.ZERO, guard.waitFor("ada", "10.0.0.99"));
        }
        long[] seconds = {1, 2, 4, 8, 16};
        for (int i = 0; i < seconds.length; i++) {
            assertEquals(LoginGuard.Outcome.DELAYED, guard.failed("ada", "10.0.1." + i));
            Duration wait = guard.waitFor("ADA ", "10.0.0.99");
            assertTrue(wait.toMillis() > seconds[i] * 1000 - 200 && wait.toMillis() <= seconds[i] * 1000,
                    "wait " + wait + " after failure " + (5 + i));
        }
        assertEquals(LoginGuard.Outcome.LOCKED, guard.failed("ada", "10.0.2.1"));
        assertTrue(guard.waitFor("ada", "10.0.0.99").toMinutes() >= 14, "locked for the lock duration");
        assertEquals(Duration.ZERO, guard.waitFor("grace", "10.0.0.99"), "other accounts are not locked");
    }

    @Test
    void anAddressGetsFiveTimesAsManyFailuresAcrossAccounts() {
        for (int i = 0; i < 24; i++) {
            guard.failed("name" + i, "192.0.2.7");
        }
        assertEquals(Duration.ZERO, guard.waitFor("someone", "192.0.2.7"));
        guard.failed("name-last", "192.0.2.7");
        assertTrue(guard.waitFor("someone", "192.0.2.7").toMillis() > 0, "the 25th failure from one address");
        assertEquals(Duration.ZERO, guard.waitFor("someone", "192.0.2.8"));
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresButNotTheAddresss() {
        for (int i = 0; i < 5; i++) {
            guard.failed("ada", "192.0.2.9");
        }
        assertTrue(guard.waitFor("ada", "192.0.2.10").toMillis() > 0);
        guard.succeeded("ada");
        assertEquals(Duration.ZERO, guard.waitFor("ada", "192.0.2.10"));
    }
}
