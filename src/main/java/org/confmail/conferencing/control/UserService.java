package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.confmail.conferencing.control.DialInNotifications.DialIn;
import org.confmail.conferencing.control.UserChanges.Field;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.Provider;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.config.EmailAddresses;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Standards;
import org.confmail.platform.problem.Violations;
import org.confmail.platform.validation.Constraints;
import org.confmail.audit.control.AuditTrail;
import org.confmail.platform.problem.Problem;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.tenant.control.DialInSettingsService;
import org.confmail.security.control.Caller;

/**
 * Creating, changing, renaming and deleting conferencing users, with every check a user's fields must pass
 * ({@link UserFields} and the rules between fields here). Each change that the user must hear about is announced
 * exactly once, in the same transaction ({@link DialInNotifications} decides, {@link DialInAnnouncer} tells); a change
 * that changes nothing tells nobody. Admins may do everything; operators change a user's name, language, country,
 * default numbers and static conference ID, but not their address, license, provider or bridge ({@link #ADMIN_ONLY}).
 */
@ApplicationScoped
@Transactional
public class UserService {

    public static final int MAX_DISPLAY_NAME_LENGTH = 256;
    public static final int MAX_THIRD_PARTY_NAME_LENGTH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    BridgeService bridges;

    @Inject
    UserDirectory directory;

    @Inject
    DialInAnnouncer announcer;

    @Inject
    ConferenceIds conferenceIds;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** What only an admin may change about a user: where their mail goes and whether and how they dial in. */
    public static final List<Field> ADMIN_ONLY = List.of(Field.email, Field.audioConferencingLicense, Field.provider,
            Field.thirdPartyProviderName, Field.bridgeId);

    @Guarded(roles = {Roles.ADMIN, Roles.PROVISIONER}, action = "user.create")
    public ConferencingUser create(NewUser input) {
        ConferencingUser user = checked(input);
        em.persist(user);
        announcer.announce(user, DialIn.NONE);
        return user;
    }

    /**
     * Whether {@link #create} would take this user: the same checks, answered the same way (a {@link ProblemException}
     * naming the fields, or 409 when the UPN or the conference ID is taken), but nothing is created, stored or sent.
     * A refusal does not roll back the caller's transaction, so one transaction can check many users.
     */
    @Guarded(roles = {Roles.ADMIN, Roles.PROVISIONER})
    @Transactional(dontRollbackOn = ProblemException.class)
    public void check(NewUser input) {
        checked(input);
    }

    /** The user {@link #create} would persist, after every check; not persisted. */
    private ConferencingUser checked(NewUser input) {
        if (input == null) {
            new Violations().add("userPrincipalName", "is required").throwIfAny();
        }
        String upn = input.userPrincipalName() == null ? null
                : input.userPrincipalName().strip().toLowerCase(Locale.ROOT);
        audit.target(upn);
        Violations violations = checkUserPrincipalName(upn, new Violations());
        UserChanges changes = new UserChanges()
                .set(Field.displayName, input.displayName())
                .set(Field.email, input.email())
                .set(Field.preferredLanguage, input.preferredLanguage())
                .set(Field.country, input.country())
                .set(Field.audioConferencingLicense,
                        input.audioConferencingLicense() == null || input.audioConferencingLicense())
                .set(Field.provider, input.provider() == null ? Provider.SELF_HOSTED.name() : input.provider())
                .set(Field.thirdPartyProviderName, input.thirdPartyProviderName())
                .set(Field.bridgeId, input.bridgeId())
                .set(Field.tollNumber, input.tollNumber())
                .set(Field.tollFreeNumber, input.tollFreeNumber())
                .set(Field.allowTollFreeDialIn, input.allowTollFreeDialIn() == null || input.allowTollFreeDialIn())
                .set(Field.conferenceId, input.conferenceId());
        ConferencingUser user = new ConferencingUser(upn, "", upn == null ? "" : upn);
        apply(user, changes, violations);
        if (directory.findOptional(upn).isPresent()) {
            throw ProblemException.conflict("userPrincipalName", "a user " + upn + " already exists");
        }
        return user;
    }

    /**
     * Applies a merge-patch; {@code expectedVersion} (from If-Match) guards against overwriting someone's edit. A
     * caller who is not an admin gets 403, naming the fields, when the patch would change one of {@link #ADMIN_ONLY}
     * (sending a field's current value is no change).
     */
    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR, Roles.PROVISIONER}, action = "user.update")
    public ConferencingUser update(String upn, UserChanges changes, Long expectedVersion) {
        ConferencingUser user = directory.find(upn);
        ProblemException.requireVersion(expectedVersion, user.version(), "User " + user.userPrincipalName()
                + " was changed by someone else since you read it; read it again and retry.");
        DialIn before = DialIn.of(user);
        Map<Field, Object> guarded = adminOnlyValues(user);
        Map<Field, Object> earlier = changedFieldValues(user);
        apply(user, changes, new Violations());
        // A provisioner (the directory) owns users' addresses and licenses, as an admin does.
        if (!caller.hasAnyRole(Roles.ADMIN, Roles.PROVISIONER)) {
            Map<Field, Object> after = adminOnlyValues(user);
            List<Problem.FieldError> refused = ADMIN_ONLY.stream()
                    .filter(f -> !Objects.equals(guarded.get(f), after.get(f)))
                    .map(f -> new Problem.FieldError(f.name(), "only an admin may change it")).toList();
            if (!refused.isEmpty()) {
                throw ProblemException.forbiddenFields("Your account's roles (" + caller.rolesText()
                        + ") may not change a user's " + String.join(", ", refused.stream()
                        .map(Problem.FieldError::field).toList()) + "; ask an admin.", refused);
            }
        }
        Map<Field, Object> later = changedFieldValues(user);
        audit.detail("changed: " + String.join(", ", java.util.Arrays.stream(Field.values())
                .filter(f -> !Objects.equals(earlier.get(f), later.get(f))).map(Field::name).toList()));
        announcer.announce(user, before);
        return user;
    }

    @Guarded(roles = {Roles.ADMIN, Roles.PROVISIONER}, action = "user.delete")
    public void delete(String upn) {
        em.remove(directory.find(upn));
    }

    /**
     * Gives a user another user principal name (a directory renames people); their dial-in stays as it is, so
     * nobody is told. 409 when the new name is taken.
     */
    @Guarded(roles = {Roles.ADMIN, Roles.PROVISIONER}, action = "user.rename")
    public ConferencingUser rename(String upn, String newUpn) {
        ConferencingUser user = directory.find(upn);
        String name = newUpn == null ? null : newUpn.strip().toLowerCase(Locale.ROOT);
        checkUserPrincipalName(name, new Violations()).throwIfAny();
        if (name.equals(user.userPrincipalName())) {
            return user;
        }
        if (directory.findOptional(name).isPresent()) {
            throw ProblemException.conflict("userPrincipalName", "a user " + name + " already exists");
        }
        audit.detail(user.userPrincipalName() + " -> " + name);
        user.setUserPrincipalName(name);
        user.touch();
        return user;
    }

    /** The values of {@link #ADMIN_ONLY} as they stand. */
    private static Map<Field, Object> adminOnlyValues(ConferencingUser user) {
        Map<Field, Object> values = new java.util.EnumMap<>(Field.class);
        values.put(Field.email, user.email());
        values.put(Field.audioConferencingLicense, user.audioConferencingLicense());
        values.put(Field.provider, user.provider());
        values.put(Field.thirdPartyProviderName, user.thirdPartyProviderName());
        values.put(Field.bridgeId, idOf(user.bridge()));
        return values;
    }

    /** Every changeable field's value as it stands, for the audit trail's list of what a change changed. */
    private static Map<Field, Object> changedFieldValues(ConferencingUser user) {
        Map<Field, Object> values = adminOnlyValues(user);
        values.put(Field.displayName, user.displayName());
        values.put(Field.preferredLanguage, user.preferredLanguage());
        values.put(Field.country, user.country());
        values.put(Field.tollNumber, user.tollNumber() == null ? null : user.tollNumber().id());
        values.put(Field.tollFreeNumber, user.tollFreeNumber() == null ? null : user.tollFreeNumber().id());
        values.put(Field.allowTollFreeDialIn, user.allowTollFreeDialIn());
        values.put(Field.conferenceId, user.conferenceId());
        return values;
    }

    /** Checks and applies every field present in {@code changes}; all or nothing. */
    private void apply(ConferencingUser user, UserChanges changes, Violations violations) {
        String displayName = stripped(changes, Field.displayName, user.displayName());
        String givenEmail = stripped(changes, Field.email, null);
        String email = changes.has(Field.email) ? (givenEmail != null ? givenEmail : user.userPrincipalName())
                : user.email();
        String language = stripped(changes, Field.preferredLanguage, user.preferredLanguage());
        String country = stripped(changes, Field.country, user.country());
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        Boolean license = changes.has(Field.audioConferencingLicense)
                ? changes.get(Field.audioConferencingLicense) : user.audioConferencingLicense();
        Boolean allowTollFree = changes.has(Field.allowTollFreeDialIn)
                ? changes.get(Field.allowTollFreeDialIn) : user.allowTollFreeDialIn();
        String providerName = changes.has(Field.provider) ? changes.get(Field.provider) : user.provider().name();
        String thirdParty = stripped(changes, Field.thirdPartyProviderName, user.thirdPartyProviderName());
        String conferenceId = stripped(changes, Field.conferenceId, user.conferenceId());

        Constraints.check(new UserFields(displayName, email, language, country, license, allowTollFree, providerName,
                thirdParty), violations);
        // Unknown names are UserFields' to report; here they are no provider.
        Provider provider = java.util.Arrays.stream(Provider.values())
                .filter(p -> p.name().equals(providerName)).findFirst().orElse(null);
        violations
                .check(provider != Provider.THIRD_PARTY || (thirdParty != null && !thirdParty.isEmpty()),
                        "thirdPartyProviderName", "is required when provider is THIRD_PARTY")
                .check(provider == null || provider == Provider.THIRD_PARTY || !changes.has(Field.thirdPartyProviderName)
                        || thirdParty == null || thirdParty.isEmpty(), "thirdPartyProviderName",
                        "is only for provider THIRD_PARTY");
        boolean newConferenceId = changes.has(Field.conferenceId) && conferenceId != null
                && !conferenceId.equals(user.conferenceId());
        if (newConferenceId) {
            String problem = ConferenceIdGenerator.problemWithChosen(conferenceId,
                    DialInSettingsService.MIN_CONFERENCE_ID_LENGTH, DialInSettingsService.MAX_CONFERENCE_ID_LENGTH);
            violations.check(problem == null, "conferenceId", problem);
        }

        Bridge bridge = user.bridge();
        if (changes.has(Field.bridgeId)) {
            String bridgeId = changes.get(Field.bridgeId);
            bridge = bridgeId == null ? bridges.defaultBridge()
                    : bridgeId.matches("[0-9a-f-]{36}") ? em.find(Bridge.class, bridgeId) : null;
            violations.check(bridge != null || bridgeId == null, "bridgeId",
                    "there is no bridge with id '" + Standards.excerpt(bridgeId) + "'");
        } else if (bridge == null) {
            bridge = bridges.defaultBridge();
        }
        boolean bridgeChanged = !Objects.equals(idOf(bridge), idOf(user.bridge()));
        ServiceNumber toll = chosenNumber(bridge, changes, Field.tollNumber, NumberType.TOLL, violations);
        ServiceNumber tollFree = chosenNumber(bridge, changes, Field.tollFreeNumber, NumberType.TOLL_FREE, violations);
        violations.throwIfAny();

        if (newConferenceId && !conferenceIds.isFree(conferenceId)) {
            throw ProblemException.conflict("conferenceId", "conference ID " + conferenceId + " is taken");
        }

        user.setDisplayName(displayName);
        user.setEmail(email);
        user.setPreferredLanguage(language == null ? null : Standards.canonicalLanguageTag(language));
        user.setCountry(country);
        user.setAudioConferencingLicense(license);
        user.setAllowTollFreeDialIn(allowTollFree);
        user.setProvider(provider, thirdParty);
        user.setBridge(bridge);
        if (changes.has(Field.tollNumber) || bridgeChanged || user.tollNumber() == null) {
            user.setTollNumber(toll != null ? toll : bridge == null ? null : defaultNumber(bridge, country, NumberType.TOLL));
        }
        if (changes.has(Field.tollFreeNumber) || bridgeChanged) {
            user.setTollFreeNumber(tollFree != null ? tollFree
                    : bridge == null ? null : defaultNumber(bridge, country, NumberType.TOLL_FREE));
        }
        if (changes.has(Field.conferenceId) && conferenceId == null) {
            conferenceId = conferenceIds.next();
        }
        user.setConferenceId(conferenceId);
        user.touch();
    }

    private static Violations checkUserPrincipalName(String upn, Violations violations) {
        return violations.check(EmailAddresses.isValid(upn), "userPrincipalName",
                "must be an email-like name such as ada@contoso.com");
    }

    private static String stripped(UserChanges changes, Field field, String current) {
        if (!changes.has(field)) {
            return current;
        }
        String value = changes.get(field);
        return value == null ? null : value.strip();
    }

    private static String idOf(Bridge bridge) {
        return bridge == null ? null : bridge.id();
    }

    /** A number the caller chose: it must be one of the bridge's numbers, of the right type. */
    private static ServiceNumber chosenNumber(Bridge bridge, UserChanges changes, Field field, NumberType type,
            Violations violations) {
        String e164 = changes.has(field) ? changes.get(field) : null;
        if (e164 == null) {
            return null;
        }
        if (bridge == null) {
            violations.add(field.name(), "the user has no bridge to take a number from");
            return null;
        }
        Optional<ServiceNumber> number = bridge.serviceNumbers().stream()
                .filter(n -> n.e164().equals(e164) && n.type() == type).findFirst();
        violations.check(number.isPresent(), field.name(), Standards.excerpt(e164) + " is not a "
                + (type == NumberType.TOLL ? "toll" : "toll-free") + " number of bridge " + bridge.name());
        return number.orElse(null);
    }

    /** The bridge's number of this type for the user's country, else (toll only) the bridge's default toll number. */
    static ServiceNumber defaultNumber(Bridge bridge, String country, NumberType type) {
        Optional<ServiceNumber> local = bridge.serviceNumbers().stream()
                .filter(n -> n.type() == type && country != null && country.equals(n.country()))
                .findFirst();
        if (local.isPresent()) {
            return local.get();
        }
        // A toll-free number is free only from its own country: no fallback to another country's.
        return type == NumberType.TOLL ? bridge.defaultTollNumber() : null;
    }
}
