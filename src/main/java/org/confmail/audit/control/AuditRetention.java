package org.confmail.audit.control;

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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.database.DatabaseErrors;

/**
 * Keeps the audit trail for {@code CONFMAIL_AUDIT_RETENTION} (a year) and no longer: on the sweeper's interval
 * ({@code CONFMAIL_OUTBOX_SWEEP_INTERVAL}) it deletes older entries. Non-persistent, like the outbox sweeper, so it
 * runs on every instance; a delete that another instance already did deletes nothing.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ConfmailConfig config;

    @Inject
    AuditTrail trail;

    @PostConstruct
    void schedule() {
        long interval = config.sweepInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("confmail audit retention", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forgetOld() {
        try {
            int deleted = trail.forgetBefore(Instant.now().minus(config.auditRetention()));
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " audit entries older than " + config.auditRetention());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit retention failed: " + e.getMessage(),
                    DatabaseErrors.isUnavailable(e) ? null : e);
        }
    }
}
