package org.confmail.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.confmail.platform.Languages;

/** The portal's language: the first of the browser's that the portal speaks until the admin switches. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            var requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
            locale = Locale.of(Languages.bestFor(() -> requested));
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public void switchTo(String language) {
        locale = Locale.of(Languages.SUPPORTED.contains(language) ? language : Languages.SUPPORTED.getFirst());
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
