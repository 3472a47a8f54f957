package org.confmail.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.confmail.mail.boundary.EmailView;
import org.confmail.mail.control.EmailHistory;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.EmailStatus;
import org.confmail.platform.problem.ProblemException;
import org.primefaces.model.LazyDataModel;

/** Every email, newest first, filtered by status, kind and user; failed ones can be retried. */
@Named
@ViewScoped
public class EmailsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient EmailHistory history;

    private String status = "";
    private String kind = "";
    private String user;
    private LazyDataModel<EmailView> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>((page, size, sort) -> {
            var found = page(page, size);
            return new org.confmail.platform.Page<>(found.items().stream().map(EmailView::of).toList(), page, size,
                    found.total());
        }, EmailView::id);
    }

    private org.confmail.platform.Page<org.confmail.mail.entity.OutboxEmail> page(int page, int size) {
        return history.list(status == null || status.isEmpty() ? null : EmailStatus.valueOf(status),
                kind == null || kind.isEmpty() ? null : EmailKind.valueOf(kind), user, page, size);
    }

    public void retry(String id) {
        try {
            history.retry(id);
            Messages.info("emails.retried");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public EmailStatus[] getStatuses() {
        return EmailStatus.values();
    }

    public EmailKind[] getKinds() {
        return EmailKind.values();
    }

    public LazyDataModel<EmailView> getModel() {
        return model;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }
}
