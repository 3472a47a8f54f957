package org.confmail.mail.control;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a transiently failed email again: exponential backoff from the initial delay, capped, with +/-20 %
 * jitter so that a burst of failures does not come back as a burst; none after the last attempt, and none once the
 * email is older than the give-up window (its news is stale by then, and the row would otherwise wait for days).
 */
public class RetryPolicy {

    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration giveUpAfter;
    private final DoubleSupplier random;

    public RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
        this(maxAttempts, initialDelay, maxDelay, Duration.ofDays(2));
    }

    public RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {
        this(maxAttempts, initialDelay, maxDelay, giveUpAfter, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, DoubleSupplier random) {
        this(maxAttempts, initialDelay, maxDelay, Duration.ofDays(2), random);
    }

    RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration giveUpAfter,
            DoubleSupplier random) {
        this.maxAttempts = maxAttempts;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    /**
     * Whether an email requested at {@code createdAt} that has had {@code attempts} attempts may have another, now:
     * attempts remain and the request is not older than the give-up window.
     */
    public boolean mayRetry(int attempts, Instant createdAt, Instant now) {
        return mayRetry(attempts) && !now.isAfter(createdAt.plus(giveUpAfter));
    }

    public Duration giveUpAfter() {
        return giveUpAfter;
    }

    /** Whether an email that has had {@code attempts} attempts may have another. */
    public boolean mayRetry(int attempts) {
        return attempts < maxAttempts;
    }

    /** The delay before attempt {@code attempts + 1}, after {@code attempts} failed ones (1 or more). */
    public Duration delayAfter(int attempts) {
        double exponential = initialDelay.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
        double capped = Math.min(exponential, maxDelay.toMillis());
        double jittered = capped * (0.8 + 0.4 * random.getAsDouble());
        return Duration.ofMillis(Math.round(Math.min(jittered, maxDelay.toMillis())));
    }

    public Instant nextAttemptAt(int attempts, Instant now) {
        return now.plus(delayAfter(attempts));
    }
}
