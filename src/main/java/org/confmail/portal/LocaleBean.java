package org.confmail.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The portal's language: the browser's (English or French) until the admin switches. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            // The first of the browser's languages that the portal speaks; English otherwise.
            locale = Locale.ENGLISH;
            var requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
            while (requested.hasNext()) {
                String language = requested.next().getLanguage();
                if (language.equals("fr") || language.equals("en")) {
                    locale = language.equals("fr") ? Locale.FRENCH : Locale.ENGLISH;
                    break;
                }
            }
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public void switchTo(String language) {
        locale = "fr".equals(language) ? Locale.FRENCH : Locale.ENGLISH;
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
