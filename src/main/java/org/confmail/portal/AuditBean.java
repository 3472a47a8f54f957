package org.confmail.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.confmail.audit.boundary.AuditEventView;
import org.confmail.audit.control.AuditTrail;
import org.confmail.platform.Page;
import org.confmail.platform.problem.ProblemException;
import org.primefaces.model.LazyDataModel;

/** The audit trail (admins and auditors), newest first, filtered like the API's: actor, target, action, times (UTC). */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditTrail trail;

    private String actor;
    private String target;
    private String action;
    private LocalDateTime from;
    private LocalDateTime to;
    private LazyDataModel<AuditEventView> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>((page, size, sort) -> {
            try {
                Page<org.confmail.audit.entity.AuditEvent> found = trail.search(new AuditTrail.Filter(blank(actor),
                        blank(target), blank(action), instant(from), instant(to)), page, size);
                return new Page<>(found.items().stream().map(AuditEventView::of).toList(), page, size,
                        found.total());
            } catch (ProblemException e) {
                Messages.refused(e);
                return new Page<>(java.util.List.of(), page, size, 0);
            }
        }, AuditEventView::id);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    public LazyDataModel<AuditEventView> getModel() {
        return model;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
