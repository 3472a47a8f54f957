package org.confmail.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.EmailStatus;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What {@code /metrics} tells about delivery (Prometheus names in brackets):
 * <ul>
 * <li>emails sent, retried (a transient failure with another attempt planned) and failed, by kind, counted by this
 * instance since it started [{@code confmail_emails_sent_total{kind=...}}, {@code _retried_total},
 * {@code _failed_total}];</li>
 * <li>the outbox by status except SENT, for the whole database, as of the last sweep [{@code confmail_outbox_emails{status=...}}];</li>
 * <li>the time from the request (the row's createdAt) to the SMTP server's acceptance, by kind
 * [{@code confmail_email_delivery_seconds}];</li>
 * <li>whether the SMTP server answered the last exchange or probe [{@code confmail_smtp_reachable}], and the open SMTP
 * connections [{@code confmail_smtp_connections}].</li>
 * </ul>
 */
@ApplicationScoped
public class DeliveryMetrics {

    /** The statuses the backlog gauges count: everything but SENT, which only grows. */
    public static final java.util.Set<EmailStatus> BACKLOG = java.util.EnumSet.complementOf(
            java.util.EnumSet.of(EmailStatus.SENT));

    @Inject
    MetricRegistry registry;

    @Inject
    SmtpSender smtp;

    private final Map<EmailKind, Counter> sent = new EnumMap<>(EmailKind.class);
    private final Map<EmailKind, Counter> retried = new EnumMap<>(EmailKind.class);
    private final Map<EmailKind, Counter> failed = new EnumMap<>(EmailKind.class);
    private final Map<EmailKind, Timer> latency = new EnumMap<>(EmailKind.class);
    private final Map<EmailStatus, Long> backlog = new EnumMap<>(EmailStatus.class);

    @PostConstruct
    void register() {
        Metadata sentMeta = Metadata.builder().withName("confmail.emails.sent")
                .withDescription("Emails the SMTP server accepted, by kind, since this instance started").build();
        Metadata retriedMeta = Metadata.builder().withName("confmail.emails.retried")
                .withDescription("Transient delivery failures after which another attempt was planned, by kind").build();
        Metadata failedMeta = Metadata.builder().withName("confmail.emails.failed")
                .withDescription("Emails that ended FAILED, by kind").build();
        Metadata latencyMeta = Metadata.builder().withName("confmail.email.delivery")
                .withDescription("Time from the send request (the email's createdAt) to the SMTP server's acceptance")
                .withUnit(MetricUnits.SECONDS).build();
        for (EmailKind kind : EmailKind.values()) {
            Tag tag = new Tag("kind", kind.name());
            sent.put(kind, registry.counter(sentMeta, tag));
            retried.put(kind, registry.counter(retriedMeta, tag));
            failed.put(kind, registry.counter(failedMeta, tag));
            latency.put(kind, registry.timer(latencyMeta, tag));
        }
        Metadata backlogMeta = Metadata.builder().withName("confmail.outbox.emails")
                .withDescription("Emails not sent (yet) by status, all instances, as of the last sweep").build();
        for (EmailStatus status : BACKLOG) {
            backlog.put(status, 0L);
            registry.gauge(backlogMeta, this, m -> m.backlog(status), new Tag("status", status.name()));
        }
        registry.gauge(Metadata.builder().withName("confmail.smtp.reachable")
                        .withDescription("1 when the SMTP server answered the last exchange or probe, else 0").build(),
                smtp, s -> s.lastOutcome().map(o -> o.reachable() ? 1 : 0).orElse(1));
        registry.gauge(Metadata.builder().withName("confmail.smtp.connections")
                .withDescription("Open SMTP connections of this instance").build(), smtp, SmtpSender::openConnections);
    }

    public void sent(EmailKind kind, Instant requestedAt) {
        sent.get(kind).inc();
        Duration took = Duration.between(requestedAt, Instant.now());
        latency.get(kind).update(took.isNegative() ? Duration.ZERO : took);
    }

    public void retried(EmailKind kind) {
        retried.get(kind).inc();
    }

    public void failed(EmailKind kind) {
        failed.get(kind).inc();
    }

    synchronized long backlog(EmailStatus status) {
        return backlog.getOrDefault(status, 0L);
    }

    public synchronized void backlog(Map<EmailStatus, Long> counts) {
        for (EmailStatus status : BACKLOG) {
            backlog.put(status, counts.getOrDefault(status, 0L));
        }
    }
}
