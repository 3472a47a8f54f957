package org.confmail.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.confmail.mail.control.EmailPreview;
import org.confmail.mail.entity.EmailKind;
import org.confmail.platform.problem.ProblemException;

/** Shows any kind of email, in either language, as the user would see it; sends nothing. */
@Named
@ViewScoped
public class PreviewBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient EmailPreview previews;

    private String upn;
    private String kind = EmailKind.CONFERENCE_INFO.name();
    private String language = "en";
    private EmailPreview.Preview preview;

    public void render() {
        try {
            preview = previews.preview(upn, EmailKind.valueOf(kind), language);
        } catch (ProblemException e) {
            preview = null;
            Messages.refused(e);
        }
    }

    public EmailKind[] getKinds() {
        return EmailKind.values();
    }

    public EmailPreview.Preview getPreview() {
        return preview;
    }

    public String getUpn() {
        return upn;
    }

    public void setUpn(String upn) {
        this.upn = upn;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
