package org.confmail.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.confmail.platform.config.ConfmailConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * SMTP reachability, reported as its own named check "smtp" in the readiness group, but never DOWN.
 *
 * <p>While the SMTP server is unreachable confmail still accepts every request and keeps it queued and retried, so
 * it must stay ready: a DOWN readiness check would take every instance out of the load balancer and turn an SMTP
 * outage into an API outage; a DOWN liveness check would restart healthy processes. So the check says
 * {@code reachable: false} with the error in its data, and the gauge {@code confmail_smtp_reachable} (0 or 1) on
 * {@code /metrics} is what to alert on.
 *
 * <p>The answer comes from the last SMTP exchange when it is recent, else from a probe (connect, EHLO, log in,
 * QUIT), at most one every {@link #PROBE_EVERY}, so frequent health polls do not hammer the relay.
 */
@Readiness
@ApplicationScoped
public class SmtpReachability implements HealthCheck {

    static final Duration PROBE_EVERY = Duration.ofSeconds(15);

    @Inject
    SmtpSender smtp;

    @Inject
    ConfmailConfig config;

    @Override
    public HealthCheckResponse call() {
        SmtpSender.Outcome outcome = smtp.lastOutcome()
                .filter(o -> o.at().isAfter(Instant.now().minus(PROBE_EVERY)))
                .orElseGet(this::probe);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("smtp").up()
                .withData("reachable", outcome.reachable())
                .withData("server", config.smtpHost() + ":" + config.smtpPort())
                .withData("checkedAt", outcome.at().toString());
        if (outcome.error() != null) {
            response.withData("error", outcome.error());
        }
        if (!outcome.reachable()) {
            response.withData("impact", "emails are accepted and queued; they are retried until the server answers");
        }
        return response.build();
    }

    private synchronized SmtpSender.Outcome probe() {
        // Another caller may have probed while this one waited.
        return smtp.lastOutcome().filter(o -> o.at().isAfter(Instant.now().minus(PROBE_EVERY)))
                .orElseGet(smtp::probe);
    }
}
