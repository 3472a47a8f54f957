package org.confmail.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.confmail.conferencing.boundary.UserView;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.conferencing.entity.Provider;
import org.confmail.mail.control.BulkSendService;
import org.confmail.mail.entity.BulkJob;
import org.confmail.platform.Page;
import org.confmail.platform.problem.ProblemException;
import org.primefaces.model.LazyDataModel;

/**
 * The users list: server-side paging, sorting and search (by name, UPN or conference ID), filters on license and
 * provider, and conference info to the selected users as a bulk job whose progress the page follows.
 */
@Named
@ViewScoped
public class UsersBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserDirectory users;

    @Inject
    transient BulkSendService bulk;

    @Inject
    transient jakarta.security.enterprise.SecurityContext security;

    private String search;
    private String license = "";
    private String provider = "";
    private List<UserView> selection = new ArrayList<>();
    private String jobId;
    private BulkSendService.Progress progress;
    private LazyDataModel<UserView> model;

    @PostConstruct
    void init() {
        // Rows are the API's own UserView records: Faces 4.1's EL reads record components directly.
        model = new PagedModel<>(this::page, UserView::userPrincipalName,
                upn -> users.findOptional(upn).map(UserView::of).orElse(null));
    }

    private Page<UserView> page(int page, int size, String sort) {
        Boolean licenseFilter = license == null || license.isEmpty() ? null : Boolean.valueOf(license);
        Provider providerFilter = provider == null || provider.isEmpty() ? null : Provider.valueOf(provider);
        var found = users.list(search, licenseFilter, providerFilter, page, size, sort);
        return new Page<>(found.items().stream().map(UserView::of).toList(), found.page(), found.size(),
                found.total());
    }

    /** Conference info to every selected user, as one bulk job. */
    public void sendToSelected() {
        if (selection == null || selection.isEmpty()) {
            Messages.error("users.bulk.none");
            return;
        }
        try {
            BulkJob job = bulk.start(selection.stream().map(UserView::userPrincipalName).toList(), false,
                    security.getCallerPrincipal().getName());
            jobId = job.id();
            progress = bulk.progress(jobId);
            Messages.info("users.bulk.started", job.total());
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    /** Percent done for the progress bar; 100 when the job has finished. */
    public int getProgressPercent() {
        if (jobId == null) {
            return 0;
        }
        progress = bulk.progress(jobId);
        if (progress.total() == 0) {
            return 100;
        }
        return (int) Math.min(100, (progress.sent() + progress.failed()) * 100 / progress.total());
    }

    public BulkSendService.Progress getProgress() {
        return progress;
    }

    public String getJobId() {
        return jobId;
    }

    public LazyDataModel<UserView> getModel() {
        return model;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getLicense() {
        return license;
    }

    public void setLicense(String license) {
        this.license = license;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public List<UserView> getSelection() {
        return selection;
    }

    public void setSelection(List<UserView> selection) {
        this.selection = selection;
    }
}
