package org.confmail.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.confmail.platform.Languages;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.config.EmailAddresses;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Standards;
import org.confmail.platform.problem.Violations;
import org.confmail.platform.validation.Constraints;
import org.confmail.audit.control.AuditTrail;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.tenant.entity.DialInSettings;

/** The tenant's dial-in settings: read them, change them under their rules, and answer who sends the emails. */
@ApplicationScoped
@Transactional
public class DialInSettingsService {

    public static final int MIN_PIN_LENGTH = 4;
    public static final int MAX_PIN_LENGTH = 12;
    public static final int MAX_SENDER_NAME_LENGTH = 256;
    /** The lengths a conference ID may have: the tenant's setting, and a static ID chosen for a user. */
    public static final int MIN_CONFERENCE_ID_LENGTH = 7;
    public static final int MAX_CONFERENCE_ID_LENGTH = 10;

    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    public record Sender(String address, String displayName) {
    }

    /** The fields a change sets; null means "leave as it is" (merge-patch semantics are read in the boundary). */
    public record Changes(Boolean automaticallySendEmailsToUsers, Integer pinLength, Boolean useUniqueConferenceIds,
            Integer conferenceIdLength, Boolean sendEmailFromOverride, Patch<String> sendEmailFromAddress,
            Patch<String> sendEmailFromDisplayName, String defaultLanguage, List<String> verifiedDomains) {
    }

    /** A field that may be set to a value or cleared: absent (null Patch), clear (value null), or set. */
    public record Patch<T>(T value) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ConfmailConfig config;

    @Inject
    AuditTrail audit;

    public DialInSettings current() {
        return em.find(DialInSettings.class, DialInSettings.THE_ONLY_ID);
    }

    /** From: the tenant's override when it is on, else the service's own sender. */
    public Sender sender() {
        DialInSettings settings = current();
        if (settings.sendEmailFromOverride()) {
            return new Sender(settings.sendEmailFromAddress(), settings.sendEmailFromDisplayName());
        }
        return new Sender(config.defaultFromAddress(), config.defaultFromName());
    }

    @Guarded(roles = Roles.ADMIN, action = "settings.update")
    public DialInSettings update(Changes changes, Long expectedVersion) {
        audit.target("dial-in-settings");
        DialInSettings settings = current();
        ProblemException.requireVersion(expectedVersion, settings.version(),
                "The dial-in settings were changed by someone else since you read them; read them again.");
        Violations violations = new Violations();
        int pinLength = changes.pinLength() != null ? changes.pinLength() : settings.pinLength();
        int idLength = changes.conferenceIdLength() != null ? changes.conferenceIdLength()
                : settings.conferenceIdLength();
        boolean override = changes.sendEmailFromOverride() != null ? changes.sendEmailFromOverride()
                : settings.sendEmailFromOverride();
        String address = changes.sendEmailFromAddress() != null ? trim(changes.sendEmailFromAddress().value())
                : settings.sendEmailFromAddress();
        String name = changes.sendEmailFromDisplayName() != null ? trim(changes.sendEmailFromDisplayName().value())
                : settings.sendEmailFromDisplayName();
        String language = changes.defaultLanguage() != null ? changes.defaultLanguage().strip()
                : settings.defaultLanguage();
        Set<String> domains = new TreeSet<>();
        if (changes.verifiedDomains() != null) {
            for (String domain : changes.verifiedDomains()) {
                String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
                if (DOMAIN.matcher(d).matches()) {
                    domains.add(d);
                } else {
                    violations.add("verifiedDomains", "'" + Standards.excerpt(domain) + "' is not a domain name such as contoso.com");
                }
            }
        } else {
            domains.addAll(settings.verifiedDomains());
        }
        violations
                .check(Standards.isLanguageTag(language) && Languages.supported(language) != null,
                        "defaultLanguage", "must be " + Languages.listed()
                                + " (the languages the emails are written in)");
        Constraints.check(new SettingsFields(pinLength, idLength, address, name), violations);
        if (override && (address == null || name == null || name.isEmpty())) {
            violations.add("sendEmailFromOverride", "needs sendEmailFromAddress and sendEmailFromDisplayName");
        }
        if (override) {
            violations
                    .check(address != null, "sendEmailFromAddress",
                            "is required when sendEmailFromOverride is true")
                    .check(name != null && !name.isEmpty(), "sendEmailFromDisplayName",
                            "is required when sendEmailFromOverride is true");
            if (address != null && EmailAddresses.isValid(address)) {
                violations.check(domains.contains(EmailAddresses.domainOf(address)), "sendEmailFromAddress",
                        "its domain " + EmailAddresses.domainOf(address) + " must be one of the verifiedDomains "
                                + domains + " to send from it");
            }
        }
        violations.throwIfAny();
        audit.detail("changed: " + String.join(", ", changed(changes)));

        if (changes.automaticallySendEmailsToUsers() != null) {
            settings.setAutomaticallySendEmailsToUsers(changes.automaticallySendEmailsToUsers());
        }
        if (changes.useUniqueConferenceIds() != null) {
            settings.setUseUniqueConferenceIds(changes.useUniqueConferenceIds());
        }
        settings.setPinLength(pinLength);
        settings.setConferenceIdLength(idLength);
        settings.setSendEmailFromOverride(override);
        settings.setSendEmailFromAddress(address);
        settings.setSendEmailFromDisplayName(name);
        settings.setDefaultLanguage(Locale.forLanguageTag(language).getLanguage());
        settings.verifiedDomains().clear();
        settings.verifiedDomains().addAll(domains);
        return settings;
    }

    /** The names of the fields a change sets, for the audit trail. */
    private static List<String> changed(Changes c) {
        List<String> names = new java.util.ArrayList<>();
        if (c.automaticallySendEmailsToUsers() != null) {
            names.add("automaticallySendEmailsToUsers");
        }
        if (c.pinLength() != null) {
            names.add("pinLength");
        }
        if (c.useUniqueConferenceIds() != null) {
            names.add("useUniqueConferenceIds");
        }
        if (c.conferenceIdLength() != null) {
            names.add("conferenceIdLength");
        }
        if (c.sendEmailFromOverride() != null) {
            names.add("sendEmailFromOverride");
        }
        if (c.sendEmailFromAddress() != null) {
            names.add("sendEmailFromAddress");
        }
        if (c.sendEmailFromDisplayName() != null) {
            names.add("sendEmailFromDisplayName");
        }
        if (c.defaultLanguage() != null) {
            names.add("defaultLanguage");
        }
        if (c.verifiedDomains() != null) {
            names.add("verifiedDomains");
        }
        return names;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
