package org.confmail.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.mail.entity.BulkJob;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.EmailStatus;
import org.confmail.audit.control.AuditTrail;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.tenant.entity.DialInSettings;

/**
 * Sends conference information to many users. A list of names is checked and queued in the request's
 * transaction; "all users" is queued in the background in chunks, each chunk one transaction that also moves the
 * job's cursor, so a crash resumes where it stopped and nobody gets the email twice.
 *
 * <p>One bulk send runs at a time: while a job still has emails to queue, or emails QUEUED or SENDING, another is
 * refused (409); emails that wait for the SMTP server (RETRYING) do not hold it. And after one starts, the next may
 * start only {@code CONFMAIL_BULK_COOLDOWN} later (429 with Retry-After). Starts are serialized on the tenant's
 * settings row, so two concurrent requests cannot both pass.
 */
@ApplicationScoped
public class BulkSendService {

    public static final int MAX_LISTED = 1_000;
    static final int CHUNK = 200;
    private static final Logger LOG = Logger.getLogger(BulkSendService.class.getName());

    public record Progress(String jobId, int total, long queued, long sent, long failed, boolean done)
            implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserDirectory users;

    @Inject
    EmailOutbox outbox;

    @Inject
    BulkSendService self;

    @Resource
    ManagedExecutorService executor;

    @Inject
    ConfmailConfig config;

    @Inject
    AuditTrail audit;

    /** Starts a bulk send of conference info to the named users, or to every user with dial-in. */
    @Transactional
    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR}, action = "bulk.start")
    public BulkJob start(List<String> userPrincipalNames, boolean all, String requestedBy) {
        audit.target(null);
        audit.detail(all ? "all users" : (userPrincipalNames == null ? 0 : userPrincipalNames.size()) + " listed users");
        boolean listed = userPrincipalNames != null && !userPrincipalNames.isEmpty();
        if (listed == all) {
            new Violations().add("userPrincipalNames", "give either a non-empty list or \"all\": true")
                    .add("all", "give either true or a non-empty userPrincipalNames list").throwIfAny();
        }
        if (userPrincipalNames != null && userPrincipalNames.size() > MAX_LISTED) {
            throw ProblemException.invalid("userPrincipalNames", "at most " + MAX_LISTED
                    + " names per request; use \"all\": true for everyone");
        }
        if (all) {
            oneAtATime();
            int total = users.countWithDialIn();
            BulkJob job = new BulkJob(EmailKind.CONFERENCE_INFO, requestedBy, true, total);
            em.persist(job);
            audit.target(job.id());
            return job;
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        userPrincipalNames.forEach(n -> names.add(n == null ? "" : n.strip().toLowerCase(Locale.ROOT)));
        List<ConferencingUser> targets = new ArrayList<>();
        Violations violations = new Violations();
        for (String upn : names) {
            ConferencingUser user = users.findOptional(upn).orElse(null);
            if (user == null) {
                violations.add("userPrincipalNames", "there is no user '"
                        + org.confmail.platform.problem.Standards.excerpt(upn) + "'");
            } else if (!user.hasDialIn()) {
                violations.add("userPrincipalNames", upn + " has no dial-in with this service");
            } else {
                targets.add(user);
            }
        }
        violations.throwIfAny();
        oneAtATime();
        BulkJob job = new BulkJob(EmailKind.CONFERENCE_INFO, requestedBy, false, targets.size());
        em.persist(job);
        targets.forEach(u -> outbox.enqueue(EmailKind.CONFERENCE_INFO, u, null, null, job.id()));
        job.progressed(targets.size(), null);
        audit.target(job.id());
        return job;
    }

    private static Duration later(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Refuses a start while another job runs, or before the cooldown after the last start has passed. */
    private void oneAtATime() {
        em.find(DialInSettings.class, DialInSettings.THE_ONLY_ID, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        List<BulkJob> recent = em.createQuery("SELECT j FROM BulkJob j WHERE j.createdAt > :since"
                        + " ORDER BY j.createdAt DESC", BulkJob.class)
                .setParameter("since", now.minus(later(config.retryGiveUpAfter(), config.bulkCooldown()))).getResultList();
        List<String> running = em.createQuery("SELECT DISTINCT e.bulkJobId FROM OutboxEmail e WHERE e.bulkJobId IN"
                        + " :ids AND e.status IN :statuses", String.class)
                .setParameter("ids", recent.isEmpty() ? List.of("-") : recent.stream().map(BulkJob::id).toList())
                .setParameter("statuses", List.of(EmailStatus.QUEUED, EmailStatus.SENDING)).getResultList();
        for (BulkJob job : recent) {
            if ((job.allUsers() && !job.allCreated()) || running.contains(job.id())) {
                throw new ProblemException(409, "Bulk send running", "Bulk send " + job.id() + " (requested by "
                        + job.requestedBy() + ") is still running; one bulk send runs at a time.", List.of());
            }
        }
        Duration cooldown = config.bulkCooldown();
        if (!recent.isEmpty() && recent.get(0).createdAt().plus(cooldown).isAfter(now)) {
            throw ProblemException.limited("Bulk send cooldown", "The last bulk send started at "
                    + recent.get(0).createdAt() + "; the next may start " + cooldown + " after it.",
                    Duration.between(now, recent.get(0).createdAt().plus(cooldown)));
        }
    }

    /** Queues the rest of an "all users" job in the background, once the job row is committed. */
    public void continueInBackground(String jobId) {
        executor.submit(() -> {
            try {
                while (self.queueNextChunk(jobId)) {
                    // one chunk per transaction
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Bulk job " + jobId + " stopped; the sweeper resumes it", e);
            }
        });
    }

    /** Queues the next chunk of an "all users" job; answers whether more remain. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean queueNextChunk(String jobId) {
        BulkJob job = em.find(BulkJob.class, jobId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.allUsers() || job.allCreated()) {
            return false;
        }
        List<ConferencingUser> chunk = users.withDialInAfter(job.cursorUpn(),
                Math.min(CHUNK, job.total() - job.createdRows()));
        if (chunk.isEmpty()) {
            // Fewer users with dial-in than when the job started: what was queued is the whole job.
            em.createQuery("UPDATE BulkJob j SET j.total = j.createdRows WHERE j.id = :id")
                    .setParameter("id", jobId).executeUpdate();
            return false;
        }
        chunk.forEach(u -> outbox.enqueue(EmailKind.CONFERENCE_INFO, u, null, null, jobId));
        job.progressed(chunk.size(), chunk.get(chunk.size() - 1).userPrincipalName());
        return !job.allCreated();
    }

    /** "All users" jobs that stopped making progress (a crash): resumed by the sweeper. */
    @Transactional
    public List<String> stalledJobs(Duration quietFor) {
        return em.createQuery("SELECT j.id FROM BulkJob j WHERE j.allUsers = TRUE AND j.createdRows < j.total"
                        + " AND j.updatedAt < :before", String.class)
                .setParameter("before", Instant.now().minus(quietFor)).getResultList();
    }

    @Transactional
    public Progress progress(String jobId) {
        BulkJob job = em.find(BulkJob.class, jobId);
        if (job == null) {
            throw ProblemException.notFound("There is no bulk job with id '" + jobId + "'.");
        }
        Map<EmailStatus, Long> counts = new java.util.EnumMap<>(EmailStatus.class);
        em.createQuery("SELECT e.status, COUNT(e) FROM OutboxEmail e WHERE e.bulkJobId = :id GROUP BY e.status",
                        Object[].class)
                .setParameter("id", jobId).getResultList()
                .forEach(row -> counts.put((EmailStatus) row[0], (Long) row[1]));
        long sent = counts.getOrDefault(EmailStatus.SENT, 0L);
        long failed = counts.getOrDefault(EmailStatus.FAILED, 0L);
        long queued = job.total() - sent - failed;
        return new Progress(job.id(), job.total(), queued, sent, failed, job.allCreated() && queued == 0);
    }

    /** The latest bulk jobs, newest first. */
    @Transactional
    public List<BulkJob> recent(int limit) {
        return em.createQuery("SELECT j FROM BulkJob j ORDER BY j.createdAt DESC", BulkJob.class)
                .setMaxResults(limit).getResultList();
    }
}
