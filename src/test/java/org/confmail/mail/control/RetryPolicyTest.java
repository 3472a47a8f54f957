package org.confmail.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void doublesFromTheInitialDelayUntilTheCap() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofMinutes(5), () -> 0.5);
        assertEquals(Duration.ofSeconds(30), policy.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), policy.delayAfter(2));
        assertEquals(Duration.ofSeconds(120), policy.delayAfter(3));
        assertEquals(Duration.ofSeconds(240), policy.delayAfter(4));
        assertEquals(Duration.ofMinutes(5), policy.delayAfter(5));
        assertEquals(Duration.ofMinutes(5), policy.delayAfter(30));
    }

    @Test
    void jitterStaysWithinTwentyPercentAndNeverPassesTheCap() {
        RetryPolicy low = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.0);
        RetryPolicy high = new RetryPolicy(8, Duration.ofSeconds(10), Duration.ofHours(1), () -> 0.999_999);
        assertEquals(Duration.ofSeconds(8), low.delayAfter(1));
        assertEquals(12_000, high.delayAfter(1).toMillis(), 1);
        RetryPolicy capped = new RetryPolicy(8, Duration.ofMinutes(50), Duration.ofHours(1), () -> 0.999_999);
        assertEquals(Duration.ofHours(1), capped.delayAfter(2));
    }

    @Test
    void noRetryAfterTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertTrue(policy.mayRetry(1));
        assertTrue(policy.mayRetry(2));
        assertFalse(policy.mayRetry(3));
    }

    @Test
    void noRetryOnceTheRequestIsOlderThanTheGiveUpWindow() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(2));
        java.time.Instant created = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(policy.mayRetry(3, created, created.plus(Duration.ofDays(2))));
        assertFalse(policy.mayRetry(3, created, created.plus(Duration.ofDays(2)).plusSeconds(1)));
        assertFalse(policy.mayRetry(8, created, created.plusSeconds(1)), "attempts still count");
    }
}
