package org.confmail.mail.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.platform.config.ConfmailConfig;

/**
 * Every ten seconds, announces again the rows that need it: retries that are due, and rows a lost JMS message or
 * a crash left QUEUED or SENDING; and resumes "all users" bulk jobs that a crash interrupted. Non-persistent, so it runs on every instance; the conditional updates in
 * {@link OutboxStore} decide which instance takes a row.
 */
@Singleton
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class.getName());
    private static final int BATCH = 500;

    @Inject
    OutboxStore store;

    @Inject
    EmailOutbox outbox;

    @Inject
    ConfmailConfig config;

    @Inject
    BulkSendService bulk;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "confmail outbox sweeper")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweep() {
        try {
            List<String> due = store.dueForRequeue(config.staleAfter(), BATCH);
            int announced = 0;
            for (String id : due) {
                if (outbox.reannounce(id, config.staleAfter())) {
                    announced++;
                }
            }
            bulk.stalledJobs(java.time.Duration.ofMinutes(1)).forEach(bulk::continueInBackground);
            if (announced > 0) {
                int count = announced;
                LOG.info(() -> "Re-queued " + count + " email(s) that were due or left behind");
            }
        } catch (RuntimeException e) {
            // The next run tries again; a database or broker outage must not kill the timer.
            LOG.log(Level.WARNING, "Outbox sweep failed: " + e.getMessage(), e);
        }
    }
}
