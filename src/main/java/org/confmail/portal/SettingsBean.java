package org.confmail.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.confmail.platform.problem.ProblemException;
import org.confmail.tenant.control.DialInSettingsService;
import org.confmail.tenant.control.DialInSettingsService.Patch;
import org.confmail.tenant.entity.DialInSettings;

/** The tenant's dial-in settings form. */
@Named
@ViewScoped
public class SettingsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DialInSettingsService settings;

    private boolean automaticEmails;
    private int pinLength;
    private boolean uniqueConferenceIds;
    private int conferenceIdLength;
    private boolean fromOverride;
    private String fromAddress;
    private String fromDisplayName;
    private String defaultLanguage;
    private String verifiedDomains;
    private long version;

    @PostConstruct
    void load() {
        DialInSettings s = settings.current();
        automaticEmails = s.automaticallySendEmailsToUsers();
        pinLength = s.pinLength();
        uniqueConferenceIds = s.useUniqueConferenceIds();
        conferenceIdLength = s.conferenceIdLength();
        fromOverride = s.sendEmailFromOverride();
        fromAddress = s.sendEmailFromAddress();
        fromDisplayName = s.sendEmailFromDisplayName();
        defaultLanguage = s.defaultLanguage();
        verifiedDomains = String.join("\n", s.verifiedDomains());
        version = s.version();
    }

    public void save() {
        List<String> domains = verifiedDomains == null ? List.of()
                : Arrays.stream(verifiedDomains.split("[\\s,]+")).filter(d -> !d.isBlank()).toList();
        try {
            settings.update(new DialInSettingsService.Changes(automaticEmails, pinLength, uniqueConferenceIds,
                    conferenceIdLength, fromOverride, new Patch<>(fromAddress), new Patch<>(fromDisplayName),
                    defaultLanguage, domains), version);
            load();
            Messages.info("settings.saved");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public String getDefaultSender() {
        DialInSettingsService.Sender sender = settings.sender();
        return sender.displayName() + " <" + sender.address() + ">";
    }

    public boolean isAutomaticEmails() {
        return automaticEmails;
    }

    public void setAutomaticEmails(boolean automaticEmails) {
        this.automaticEmails = automaticEmails;
    }

    public int getPinLength() {
        return pinLength;
    }

    public void setPinLength(int pinLength) {
        this.pinLength = pinLength;
    }

    public boolean isUniqueConferenceIds() {
        return uniqueConferenceIds;
    }

    public void setUniqueConferenceIds(boolean uniqueConferenceIds) {
        this.uniqueConferenceIds = uniqueConferenceIds;
    }

    public int getConferenceIdLength() {
        return conferenceIdLength;
    }

    public void setConferenceIdLength(int conferenceIdLength) {
        this.conferenceIdLength = conferenceIdLength;
    }

    public boolean isFromOverride() {
        return fromOverride;
    }

    public void setFromOverride(boolean fromOverride) {
        this.fromOverride = fromOverride;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public void setFromAddress(String fromAddress) {
        this.fromAddress = fromAddress;
    }

    public String getFromDisplayName() {
        return fromDisplayName;
    }

    public void setFromDisplayName(String fromDisplayName) {
        this.fromDisplayName = fromDisplayName;
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public String getVerifiedDomains() {
        return verifiedDomains;
    }

    public void setVerifiedDomains(String verifiedDomains) {
        this.verifiedDomains = verifiedDomains;
    }
}
