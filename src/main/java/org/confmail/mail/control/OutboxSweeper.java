package org.confmail.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.platform.instances.ServerInstances;
import org.confmail.platform.instances.InstanceHeartbeat;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.database.DatabaseErrors;
import org.confmail.platform.idempotency.IdempotencyStore;

/**
 * Every {@code CONFMAIL_OUTBOX_SWEEP_INTERVAL} (10 s), announces again the rows that need it: retries that are due,
 * and rows a lost JMS message or a crash left QUEUED or SENDING; resumes "all users" bulk jobs that a crash
 * interrupted; takes over the claims of instances that stopped beating (see {@link InstanceHeartbeat}); forgets
 * idempotency keys older than a day. The timer is non-persistent, so it runs on every instance;
 * the conditional updates in {@link OutboxStore} decide which instance takes a row, and a row announced twice is
 * still claimed, and so sent, once.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class.getName());
    private static final int BATCH = 500;

    @Resource
    TimerService timers;

    @Inject
    OutboxStore store;

    @Inject
    EmailOutbox outbox;

    @Inject
    ConfmailConfig config;

    @Inject
    BulkSendService bulk;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    SmtpSender smtp;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    ServerInstances instances;

    @Inject
    EmailDeliverer deliverer;

    /** The first sweep after start announces every QUEUED row: their messages may have died with the process. */
    private boolean started;

    @PostConstruct
    void schedule() {
        long interval = config.sweepInterval().toMillis();
        // The first sweep soon after start: it takes back what this instance's previous run left claimed.
        timers.createIntervalTimer(Math.min(interval, 2000), interval, new TimerConfig("confmail outbox sweeper", false));
    }

    /**
     * This instance's claims that no delivery here is using any more. The claims are read before the deliveries in
     * flight: a delivery registers before it claims, so a claim read here is either in that set or abandoned.
     */
    private int releaseIdleOwnClaims(Instant queuedAt) {
        List<OutboxStore.Claim> claims = store.ownClaims(BATCH);
        if (claims.isEmpty()) {
            return 0;
        }
        java.util.Set<String> busy = deliverer.inFlight();
        return (int) claims.stream().filter(c -> !busy.contains(c.id()))
                .filter(c -> store.releaseOwnClaim(c, queuedAt)).count();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        try {
            Duration staleAfter = started ? config.staleAfter() : Duration.ZERO;
            int released = store.releaseAbandonedClaims(Instant.now().minus(staleAfter).minusSeconds(1));
            if (released > 0) {
                LOG.info(() -> "Took over " + released + " email(s) claimed by an instance that stopped");
            }
            int retaken = releaseIdleOwnClaims(Instant.now().minus(staleAfter).minusSeconds(1));
            if (retaken > 0) {
                LOG.info(() -> "Took back " + retaken + " email(s) whose delivery here ended without an outcome");
            }
            List<String> due = store.dueForRequeue(staleAfter, BATCH);
            int announced = 0;
            for (String id : due) {
                if (outbox.reannounce(id, staleAfter)) {
                    announced++;
                }
            }
            started = due.size() < BATCH;
            bulk.stalledJobs(Duration.ofMinutes(1)).forEach(bulk::continueInBackground);
            if (announced > 0) {
                int count = announced;
                LOG.info(() -> "Re-queued " + count + " email(s) that were due or left behind");
            }
            metrics.backlog(store.countByStatus(DeliveryMetrics.BACKLOG));
            idempotency.forgetExpired();
            instances.forgetSilentSince(Instant.now().minus(Duration.ofDays(1)));
            smtp.closeIdleConnections();
        } catch (RuntimeException e) {
            // The next run tries again; a database or broker outage must not kill the timer.
            // While the database is away every sweep fails the same way: one line each, not a stack trace.
            LOG.log(Level.WARNING, "Outbox sweep failed: " + e.getMessage(),
                    DatabaseErrors.isUnavailable(e) ? null : e);
        }
    }
}
