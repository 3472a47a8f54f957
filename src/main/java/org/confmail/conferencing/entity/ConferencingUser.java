package org.confmail.conferencing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.util.UUID;
import org.confmail.platform.database.TrackedEntity;

/**
 * A person with audio-conferencing dial-in information: the bridge and default numbers they give out, their
 * conference ID and (hashed) leader PIN, and where their email goes.
 */
@Entity
@Table(name = "conferencing_user")
@NamedQuery(name = ConferencingUser.BY_UPN,
        query = "SELECT u FROM ConferencingUser u WHERE u.userPrincipalName = :upn")
@NamedQuery(name = ConferencingUser.BY_UPNS,
        query = "SELECT u FROM ConferencingUser u WHERE u.userPrincipalName IN :upns")
@NamedQuery(name = ConferencingUser.BY_CONFERENCE_ID,
        query = "SELECT u FROM ConferencingUser u WHERE u.conferenceId = :conferenceId")
@NamedQuery(name = ConferencingUser.USING_NUMBER, query = "SELECT COUNT(u) FROM ConferencingUser u"
        + " WHERE u.tollNumber.id = :numberId OR u.tollFreeNumber.id = :numberId")
@NamedQuery(name = ConferencingUser.WITH_DIAL_IN_AFTER, query = "SELECT u FROM ConferencingUser u"
        + " WHERE " + ConferencingUser.HAS_DIAL_IN + " AND u.userPrincipalName > :after ORDER BY u.userPrincipalName")
@NamedQuery(name = ConferencingUser.COUNT_WITH_DIAL_IN, query = "SELECT COUNT(u) FROM ConferencingUser u"
        + " WHERE " + ConferencingUser.HAS_DIAL_IN)
public class ConferencingUser extends TrackedEntity {

    /** Joins the fields of {@code searchText}; none of them may hold it (a line break is refused in each). */
    public static final char SEARCH_SEPARATOR = '\n';

    /**
     * {@link #hasDialIn()} in JPQL, for queries over many users: licensed, and this service is their provider. Kept
     * beside the method so that the two say the same.
     */
    static final String HAS_DIAL_IN = "u.audioConferencingLicense = TRUE"
            + " AND u.provider = org.confmail.conferencing.entity.Provider.SELF_HOSTED";

    public static final String BY_UPN = "ConferencingUser.byUpn";
    public static final String BY_UPNS = "ConferencingUser.byUpns";
    public static final String BY_CONFERENCE_ID = "ConferencingUser.byConferenceId";
    public static final String USING_NUMBER = "ConferencingUser.usingNumber";
    /** Users with dial-in whose UPN sorts after {@code :after} (use "" for the first), in UPN order. */
    public static final String WITH_DIAL_IN_AFTER = "ConferencingUser.withDialInAfter";
    public static final String COUNT_WITH_DIAL_IN = "ConferencingUser.countWithDialIn";

    @Id
    private String id;

    @Column(name = "user_principal_name", nullable = false)
    private String userPrincipalName;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String email;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    private String country;

    @Column(name = "audio_conferencing_license", nullable = false)
    private boolean audioConferencingLicense;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Provider provider;

    @Column(name = "third_party_provider_name")
    private String thirdPartyProviderName;

    @ManyToOne
    @JoinColumn(name = "bridge_id")
    private Bridge bridge;

    @ManyToOne
    @JoinColumn(name = "toll_number_id")
    private ServiceNumber tollNumber;

    @ManyToOne
    @JoinColumn(name = "toll_free_number_id")
    private ServiceNumber tollFreeNumber;

    @Column(name = "allow_toll_free_dial_in", nullable = false)
    private boolean allowTollFreeDialIn;

    @Column(name = "conference_id")
    private String conferenceId;

    @Column(name = "pin_hash")
    private String pinHash;

    /**
     * What the users search looks in: the UPN, display name and conference ID, lowered and joined by
     * {@link #SEARCH_SEPARATOR}. The database computes it (migration V12), so it is only read.
     */
    @Column(name = "search_text", insertable = false, updatable = false)
    private String searchText;

    /** False when the directory deactivated the user (SCIM {@code active}); such a user has no license. */
    @Column(nullable = false)
    private boolean active = true;

    /** The directory's own id for the user (SCIM {@code externalId}), if a directory provisions them. */
    @Column(name = "external_id")
    private String externalId;

    @Column(name = "given_name")
    private String givenName;

    @Column(name = "family_name")
    private String familyName;


    protected ConferencingUser() {
    }

    public ConferencingUser(String userPrincipalName, String displayName, String email) {
        this.id = UUID.randomUUID().toString();
        this.userPrincipalName = userPrincipalName;
        this.displayName = displayName;
        this.email = email;
        this.provider = Provider.SELF_HOSTED;
        this.allowTollFreeDialIn = true;
    }

    /**
     * Whether the user dials in through this service: licensed, and this service is their provider. Only such a
     * user has conference info to send, a PIN to reset or meetings to schedule.
     */
    public boolean hasDialIn() {
        return audioConferencingLicense && provider == Provider.SELF_HOSTED;
    }

    /** A user is marked changed by every update, whoever makes it. */
    @PreUpdate
    void changed() {
        touch();
    }

    public String id() {
        return id;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public void setUserPrincipalName(String userPrincipalName) {
        this.userPrincipalName = userPrincipalName;
    }

    public boolean active() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String externalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public void setName(String givenName, String familyName) {
        this.givenName = givenName;
        this.familyName = familyName;
    }

    public String displayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String email() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String preferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String country() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public boolean audioConferencingLicense() {
        return audioConferencingLicense;
    }

    public void setAudioConferencingLicense(boolean license) {
        this.audioConferencingLicense = license;
    }

    public Provider provider() {
        return provider;
    }

    public String thirdPartyProviderName() {
        return thirdPartyProviderName;
    }

    public void setProvider(Provider provider, String thirdPartyProviderName) {
        this.provider = provider;
        this.thirdPartyProviderName = provider == Provider.THIRD_PARTY ? thirdPartyProviderName : null;
    }

    public Bridge bridge() {
        return bridge;
    }

    public void setBridge(Bridge bridge) {
        this.bridge = bridge;
    }

    public ServiceNumber tollNumber() {
        return tollNumber;
    }

    public void setTollNumber(ServiceNumber tollNumber) {
        this.tollNumber = tollNumber;
    }

    public ServiceNumber tollFreeNumber() {
        return tollFreeNumber;
    }

    public void setTollFreeNumber(ServiceNumber tollFreeNumber) {
        this.tollFreeNumber = tollFreeNumber;
    }

    public boolean allowTollFreeDialIn() {
        return allowTollFreeDialIn;
    }

    public void setAllowTollFreeDialIn(boolean allow) {
        this.allowTollFreeDialIn = allow;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public void setConferenceId(String conferenceId) {
        this.conferenceId = conferenceId;
    }

    public boolean hasPin() {
        return pinHash != null;
    }

    public String pinHash() {
        return pinHash;
    }

    public void setPinHash(String pinHash) {
        this.pinHash = pinHash;
    }
}
