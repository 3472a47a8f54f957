package org.confmail.tenant.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Set;
import java.util.TreeSet;

/** The tenant's dial-in settings: one row per deployment (id 1), created by the first migration. */
@Entity
@Table(name = "dial_in_settings")
public class DialInSettings {

    public static final int THE_ONLY_ID = 1;

    @Id
    private int id;

    @Column(name = "automatically_send_emails")
    private boolean automaticallySendEmailsToUsers;

    @Column(name = "pin_length")
    private int pinLength;

    @Column(name = "use_unique_conference_ids")
    private boolean useUniqueConferenceIds;

    @Column(name = "conference_id_length")
    private int conferenceIdLength;

    @Column(name = "send_email_from_override")
    private boolean sendEmailFromOverride;

    @Column(name = "send_email_from_address")
    private String sendEmailFromAddress;

    @Column(name = "send_email_from_display_name")
    private String sendEmailFromDisplayName;

    @Column(name = "default_language")
    private String defaultLanguage;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "verified_domain", joinColumns = @JoinColumn(name = "settings_id"))
    @Column(name = "domain_name")
    private Set<String> verifiedDomains = new TreeSet<>();

    @Version
    private long version;

    protected DialInSettings() {
    }

    public boolean automaticallySendEmailsToUsers() {
        return automaticallySendEmailsToUsers;
    }

    public void setAutomaticallySendEmailsToUsers(boolean value) {
        this.automaticallySendEmailsToUsers = value;
    }

    public int pinLength() {
        return pinLength;
    }

    public void setPinLength(int pinLength) {
        this.pinLength = pinLength;
    }

    public boolean useUniqueConferenceIds() {
        return useUniqueConferenceIds;
    }

    public void setUseUniqueConferenceIds(boolean value) {
        this.useUniqueConferenceIds = value;
    }

    public int conferenceIdLength() {
        return conferenceIdLength;
    }

    public void setConferenceIdLength(int conferenceIdLength) {
        this.conferenceIdLength = conferenceIdLength;
    }

    public boolean sendEmailFromOverride() {
        return sendEmailFromOverride;
    }

    public void setSendEmailFromOverride(boolean value) {
        this.sendEmailFromOverride = value;
    }

    public String sendEmailFromAddress() {
        return sendEmailFromAddress;
    }

    public void setSendEmailFromAddress(String address) {
        this.sendEmailFromAddress = address;
    }

    public String sendEmailFromDisplayName() {
        return sendEmailFromDisplayName;
    }

    public void setSendEmailFromDisplayName(String name) {
        this.sendEmailFromDisplayName = name;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(String language) {
        this.defaultLanguage = language;
    }

    public Set<String> verifiedDomains() {
        return verifiedDomains;
    }

    public long version() {
        return version;
    }
}
