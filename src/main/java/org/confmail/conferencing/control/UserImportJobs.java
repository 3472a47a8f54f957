package org.confmail.conferencing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.audit.control.AuditTrail;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.conferencing.entity.UserImportError;
import org.confmail.conferencing.entity.UserImportJob;
import org.confmail.conferencing.entity.UserImportState;
import org.confmail.platform.instances.InstanceHeartbeat;
import org.confmail.platform.instances.ServerInstance;
import org.confmail.platform.problem.ProblemException;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.security.control.Caller;

/**
 * The admin portal's imports of users: {@link UserImports} run in the background on this instance's managed executor
 * (as bulk sends are), with their progress and their first {@value #ERRORS_KEPT} line errors in the database, so that
 * every instance behind the load balancer shows the same job. The lines are held in memory only: a job whose instance
 * stops is not resumed but marked {@link UserImportState#INTERRUPTED} (the users created until then stay), once that
 * instance's heartbeat has been silent long enough to call it dead.
 *
 * <p>Audit: starting is {@code user.import} as the admin who started it (refusals included), and the end is a second
 * {@code user.import} entry in that admin's name with the counts, as the API's import records them.
 */
@ApplicationScoped
public class UserImportJobs {

    /** The line errors a job keeps; it counts the others. */
    public static final int ERRORS_KEPT = 1_000;
    /** A job of this instance that has not moved for this long while no thread here runs it is not running. */
    static final Duration OWN_GRACE = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(UserImportJobs.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    UserImports imports;

    @Inject
    UserImportJobs self;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    InstanceHeartbeat heartbeat;

    @Resource
    ManagedExecutorService executor;

    /** The jobs whose thread runs in this process. */
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();

    /** Records a new job for these lines; {@link #runInBackground} then runs it once this has committed. */
    @Guarded(roles = Roles.ADMIN, action = "user.import")
    @Transactional
    public UserImportJob start(UserImports.Parsed parsed, String fileName) {
        String name = fileName == null || fileName.isBlank() ? null : UserImportError.storable(fileName.strip(), 255);
        UserImportJob job = new UserImportJob(name, caller.name(), heartbeat.incarnation(), parsed.total());
        em.persist(job);
        audit.target(job.id());
        audit.detail("started in the background: " + parsed.total() + " lines"
                + (name == null ? "" : " from " + UserImportError.storable(name, 60)));
        return job;
    }

    /** Creates the job's users on the managed executor; the request that started it does not wait. */
    public void runInBackground(String jobId, UserImports.Parsed parsed) {
        runningHere.add(jobId);
        try {
            executor.submit(() -> run(jobId, parsed));
        } catch (RejectedExecutionException e) {
            runningHere.remove(jobId);
            LOG.log(Level.WARNING, "User import " + jobId + " could not start", e);
            self.finish(jobId, UserImportState.INTERRUPTED);
        }
    }

    private void run(String jobId, UserImports.Parsed parsed) {
        UserImportState state = UserImportState.INTERRUPTED;
        UserImports.Outcome outcome = null;
        // The users' own creations belong to this import: no audit entry each, as in the API's import.
        audit.begin("user.import", jobId);
        try {
            outcome = imports.run(parsed, (done, created, errors) -> self.progressed(jobId, done, created, errors));
            state = UserImportState.DONE;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "User import " + jobId + " stopped", e);
        } finally {
            audit.end();
            try {
                UserImportJob job = self.finish(jobId, state);
                audit.record(job.startedBy(), null, null, "user.import", jobId,
                        state == UserImportState.DONE ? AuditOutcome.SUCCESS : AuditOutcome.FAILED,
                        outcome != null ? UserImports.summary(outcome) : stoppedSummary(job));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "User import " + jobId + " ended, but its end could not be recorded", e);
            } finally {
                runningHere.remove(jobId);
            }
        }
    }

    private static String stoppedSummary(UserImportJob job) {
        return "interrupted after " + job.done() + " of " + job.total() + " lines: " + job.created()
                + " users created, " + job.failed() + " lines failed";
    }

    /** A chunk is done: the counts, and its errors while fewer than {@value #ERRORS_KEPT} are kept. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progressed(String jobId, int done, int created, List<UserImports.LineError> errors) {
        UserImportJob job = em.find(UserImportJob.class, jobId);
        int kept = em.createQuery("SELECT COUNT(e) FROM UserImportError e WHERE e.jobId = :id", Long.class)
                .setParameter("id", jobId).getSingleResult().intValue();
        int keep = Math.max(0, Math.min(errors.size(), ERRORS_KEPT - kept));
        for (int i = 0; i < keep; i++) {
            UserImports.LineError error = errors.get(i);
            em.persist(new UserImportError(jobId, kept + i, error.line(), error.field(), error.message()));
        }
        job.progressed(done, created, errors.size() - keep);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UserImportJob finish(String jobId, UserImportState state) {
        UserImportJob job = em.find(UserImportJob.class, jobId);
        job.finished(state);
        return job;
    }

    /** The latest jobs, newest first; those whose instance stopped are marked interrupted first. */
    @Guarded(roles = Roles.ADMIN)
    @Transactional
    public List<UserImportJob> recent(int limit) {
        markInterrupted();
        return em.createQuery("SELECT j FROM UserImportJob j ORDER BY j.startedAt DESC, j.id", UserImportJob.class)
                .setMaxResults(limit).getResultList();
    }

    @Guarded(roles = Roles.ADMIN)
    @Transactional
    public UserImportJob find(String jobId) {
        UserImportJob job = jobId == null ? null : em.find(UserImportJob.class, jobId);
        if (job == null) {
            throw ProblemException.notFound("There is no user import with id '" + jobId + "'.");
        }
        return job;
    }

    /** A job's kept errors, by line. */
    @Guarded(roles = Roles.ADMIN)
    @Transactional
    public List<UserImportError> errors(String jobId) {
        return em.createQuery("SELECT e FROM UserImportError e WHERE e.jobId = :id ORDER BY e.line, e.seq",
                UserImportError.class).setParameter("id", jobId).getResultList();
    }

    /**
     * Marks RUNNING jobs that no thread runs any more: one of this instance that no thread here runs and that has
     * not moved for {@link #OWN_GRACE}, or one of another incarnation whose heartbeat is silent (as the outbox judges
     * instances: not while this instance has itself just come back).
     */
    private void markInterrupted() {
        Instant now = Instant.now();
        Optional<Instant> othersSilentSince = heartbeat.othersSilentSince(now);
        List<UserImportJob> running = em.createQuery("SELECT j FROM UserImportJob j WHERE j.state = :running",
                UserImportJob.class).setParameter("running", UserImportState.RUNNING).getResultList();
        for (UserImportJob job : running) {
            boolean stopped;
            if (heartbeat.incarnation().equals(job.runner())) {
                stopped = !runningHere.contains(job.id()) && job.updatedAt().isBefore(now.minus(OWN_GRACE));
            } else if (othersSilentSince.isPresent()) {
                ServerInstance runner = job.runner() == null ? null : em.find(ServerInstance.class, job.runner());
                stopped = runner == null || runner.beatAt().isBefore(othersSilentSince.get());
            } else {
                stopped = false;
            }
            if (!stopped) {
                continue;
            }
            // Locked, so that of two instances marking it at once only one records it.
            UserImportJob locked = em.find(UserImportJob.class, job.id(), LockModeType.PESSIMISTIC_WRITE);
            if (locked != null && locked.state() == UserImportState.RUNNING) {
                locked.finished(UserImportState.INTERRUPTED);
                LOG.warning(() -> "User import " + job.id() + " was interrupted: its instance " + job.runner()
                        + " stopped after " + job.done() + " of " + job.total() + " lines");
                audit.record(job.startedBy(), null, null, "user.import", job.id(), AuditOutcome.FAILED,
                        stoppedSummary(job) + " (its instance stopped)");
            }
        }
    }
}
