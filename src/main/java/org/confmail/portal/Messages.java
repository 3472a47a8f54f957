package org.confmail.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.confmail.platform.problem.ProblemException;

/** Puts localized messages and service refusals on the page. */
final class Messages {

    private Messages() {
    }

    static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
        return args.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
    }

    static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, text(key, args), null);
    }

    static void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, text(key, args), null);
    }

    /** A service said no: one message per invalid field, or the detail. */
    static void refused(ProblemException problem) {
        if (problem.errors().isEmpty()) {
            add(FacesMessage.SEVERITY_ERROR, problem.detail(), null);
        } else {
            problem.errors().forEach(e -> add(FacesMessage.SEVERITY_ERROR, e.field() + ": " + e.message(), null));
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    private static void add(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }
}
