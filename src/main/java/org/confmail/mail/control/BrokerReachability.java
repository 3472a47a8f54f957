package org.confmail.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Broker reachability, reported as the check "broker" in the readiness group, but never DOWN.
 *
 * <p>Requests do not need the broker: an email is stored in the outbox and announced after the commit, and a lost
 * announcement is made again by the sweeper. While the shared broker is away every instance still accepts requests;
 * only delivery pauses. A DOWN readiness check would take every instance out of the load balancer at once and turn
 * a delivery delay into an outage of the API and the portal. So the check says {@code reachable: false} with the
 * error, and the gauge {@code confmail_broker_reachable} (0 or 1) on {@code /metrics} is what to alert on.
 *
 * <p>At most one probe (a connection from the pool) every {@link #PROBE_EVERY}, however often health is polled.
 */
@Readiness
@ApplicationScoped
public class BrokerReachability implements HealthCheck {

    static final Duration PROBE_EVERY = Duration.ofSeconds(5);

    record Outcome(boolean reachable, String error, Instant at) {
    }

    @Resource(lookup = MailQueue.ANNOUNCE_CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Inject
    MetricRegistry registry;

    private Outcome last;

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("confmail.broker.reachable")
                .withDescription("1 when the message broker accepted the last connection probe, else 0").build(),
                this, b -> b.outcome().reachable() ? 1 : 0);
    }

    @Override
    public HealthCheckResponse call() {
        Outcome outcome = outcome();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("broker").up()
                .withData("reachable", outcome.reachable())
                .withData("checkedAt", outcome.at().toString());
        if (!outcome.reachable()) {
            response.withData("error", String.valueOf(outcome.error()))
                    .withData("impact", "emails are accepted and stored; delivery resumes when the broker is back");
        }
        return response.build();
    }

    synchronized Outcome outcome() {
        if (last == null || last.at().isBefore(Instant.now().minus(PROBE_EVERY))) {
            last = probe();
        }
        return last;
    }

    private Outcome probe() {
        try (Connection connection = connectionFactory.createConnection()) {
            return new Outcome(true, null, Instant.now());
        } catch (JMSException | RuntimeException e) {
            return new Outcome(false, e.getMessage(), Instant.now());
        }
    }
}
