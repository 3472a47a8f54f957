package org.confmail.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.confmail.mail.control.BulkSendService;
import org.confmail.mail.entity.BulkJob;
import org.confmail.platform.problem.ProblemException;

/** Bulk sends: the recent jobs with their progress, and conference info to every user with dial-in. */
@Named
@ViewScoped
public class BulkBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A job row with its progress. */
    public record JobRow(String id, Instant createdAt, String requestedBy, boolean allUsers,
            BulkSendService.Progress progress) implements Serializable {
    }

    @Inject
    transient BulkSendService bulk;

    @Inject
    transient SecurityContext security;

    public List<JobRow> getJobs() {
        return bulk.recent(20).stream().map(j -> new JobRow(j.id(), j.createdAt(), j.requestedBy(), j.allUsers(),
                bulk.progress(j.id()))).toList();
    }

    public void sendToAll() {
        try {
            BulkJob job = bulk.start(null, true, security.getCallerPrincipal().getName());
            bulk.continueInBackground(job.id());
            Messages.info("bulk.started", job.total());
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }
}
