package org.confmail.platform.instances;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.platform.config.ConfmailConfig;

/**
 * This process's presence among the instances that share the database: it beats every
 * {@code CONFMAIL_INSTANCE_HEARTBEAT} (5 s) in {@code sender_instance}, and says whose outbox claims may be taken
 * over: those of any other incarnation silent for {@code CONFMAIL_INSTANCE_DEAD_AFTER} (15 s), and those of this
 * instance's own earlier incarnations (same instance name, restarted) as soon as they are silent.
 *
 * <p>An instance judges the others only after beating without a gap for {@code CONFMAIL_INSTANCE_DEAD_AFTER}
 * itself: after a database outage every instance's last beat is old, and none may take the others' claims until
 * all have had the time to beat again.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InstanceHeartbeat {

    private static final Logger LOG = Logger.getLogger(InstanceHeartbeat.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ServerInstances instances;

    @Inject
    ConfmailConfig config;

    private String name;
    private String incarnation;
    private Instant startedAt;
    private Duration heartbeat;
    private Duration deadAfter;
    private volatile Instant lastBeat;
    private volatile Instant aliveSince;

    @PostConstruct
    void start() {
        name = config.instanceName();
        startedAt = Instant.now();
        incarnation = name + "@" + startedAt.toEpochMilli();
        heartbeat = config.instanceHeartbeat();
        deadAfter = config.instanceDeadAfter();
        beat();
        LOG.info(() -> "This instance is " + incarnation + " (heartbeat " + heartbeat + ", dead after " + deadAfter + ")");
        timers.createIntervalTimer(heartbeat.toMillis(), heartbeat.toMillis(),
                new TimerConfig("confmail instance heartbeat", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void beat() {
        Instant now = Instant.now();
        try {
            instances.beat(incarnation, name, startedAt, now);
            Instant previous = lastBeat;
            if (previous == null || Duration.between(previous, now).compareTo(heartbeat.multipliedBy(2)) > 0) {
                aliveSince = now;
            }
            lastBeat = now;
        } catch (RuntimeException e) {
            lastBeat = null;
            LOG.log(Level.WARNING, "Instance heartbeat failed (the database did not answer): " + e.getMessage());
        }
    }

    /** What this process writes in an outbox row's {@code claimed_by}. */
    public String incarnation() {
        return incarnation;
    }

    public String name() {
        return name;
    }

    /**
     * Other incarnations that last beat before this instant are dead; empty while this instance has not itself
     * beaten without a gap for long enough to judge them.
     */
    public Optional<Instant> othersSilentSince(Instant now) {
        Instant since = aliveSince;
        if (lastBeat == null || since == null || Duration.between(since, now).compareTo(deadAfter) < 0) {
            return Optional.empty();
        }
        return Optional.of(now.minus(deadAfter));
    }

    /** This instance's earlier incarnations that last beat before this instant have stopped (a restart). */
    public Instant ownEarlierSilentSince(Instant now) {
        return now.minus(heartbeat.multipliedBy(2));
    }
}
