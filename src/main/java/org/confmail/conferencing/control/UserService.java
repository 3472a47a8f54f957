package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.confmail.conferencing.control.UserChanges.Field;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.Meeting;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.Provider;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.config.EmailAddresses;
import org.confmail.platform.Page;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Standards;
import org.confmail.platform.problem.Violations;
import org.confmail.audit.control.AuditTrail;
import org.confmail.platform.problem.Problem;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.security.control.Caller;
import org.confmail.tenant.control.DialInSettingsService;
import org.confmail.tenant.entity.DialInSettings;

/**
 * Conferencing users and every operation on their dial-in: create, change, reset the PIN or the conference ID,
 * schedule meetings. Each change that the user must hear about goes to the {@link DialInNotifier} exactly once,
 * in the same transaction; a change that changes nothing tells nobody. Admins may do everything; operators reset,
 * schedule and change a user's name, language, country, default numbers and static conference ID, but not their
 * address, license, provider or bridge ({@link #ADMIN_ONLY}).
 */
@ApplicationScoped
@Transactional
public class UserService {

    /** API sort keys and the attribute each sorts by. */
    static final Map<String, String> SORTABLE = Map.of(
            "userPrincipalName", "u.userPrincipalName",
            "displayName", "u.displayName",
            "conferenceId", "u.conferenceId",
            "createdAt", "u.createdAt");

    public record PinReset(String pin, String emailId) {
    }

    public record ConferenceIdReset(String conferenceId, String emailId) {
    }

    public record ScheduledMeeting(Meeting meeting, DialInInfo dialIn) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    BridgeService bridges;

    @Inject
    DialInSettingsService settings;

    @Inject
    DialInInfoService dialInInfos;

    @Inject
    DialInNotifier notifier;

    @Inject
    PinHasher pins;

    @Inject
    ConferenceIds conferenceIds;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** What only an admin may change about a user: where their mail goes and whether and how they dial in. */
    public static final List<Field> ADMIN_ONLY = List.of(Field.email, Field.audioConferencingLicense, Field.provider,
            Field.thirdPartyProviderName, Field.bridgeId);

    private final PinGenerator pinGenerator = new PinGenerator();

    /** The dial-in facts whose change the user is told about. */
    private record DialInState(boolean active, String conferenceId, String tollNumber, String tollFreeNumber) {

        static DialInState of(ConferencingUser u) {
            boolean active = u.audioConferencingLicense() && u.provider() == Provider.SELF_HOSTED;
            return new DialInState(active, u.conferenceId(),
                    u.tollNumber() == null ? null : u.tollNumber().id(),
                    u.tollFreeNumber() == null || !u.allowTollFreeDialIn() ? null : u.tollFreeNumber().id());
        }

        static final DialInState NONE = new DialInState(false, null, null, null);
    }

    @Guarded(roles = {Roles.ADMIN, Roles.PROVISIONER}, action = "user.create")
    public ConferencingUser create(NewUser input) {
        ConferencingUser user = checked(input);
        em.persist(user);
        announce(user, DialInState.NONE);
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
        Violations violations = new Violations()
                .check(EmailAddresses.isValid(upn), "userPrincipalName",
                        "must be an email-like name such as ada@contoso.com");
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
        if (findOptional(upn).isPresent()) {
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
        ConferencingUser user = find(upn);
        if (expectedVersion != null && expectedVersion != user.version()) {
            throw ProblemException.stale("User " + user.userPrincipalName()
                    + " was changed by someone else since you read it; read it again and retry.");
        }
        DialInState before = DialInState.of(user);
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
        announce(user, before);
        return user;
    }

    @Guarded(roles = {Roles.ADMIN, Roles.PROVISIONER}, action = "user.delete")
    public void delete(String upn) {
        em.remove(find(upn));
    }

    /**
     * Gives a user another user principal name (a directory renames people); their dial-in stays as it is, so
     * nobody is told. 409 when the new name is taken.
     */
    @Guarded(roles = {Roles.ADMIN, Roles.PROVISIONER}, action = "user.rename")
    public ConferencingUser rename(String upn, String newUpn) {
        ConferencingUser user = find(upn);
        String name = newUpn == null ? null : newUpn.strip().toLowerCase(Locale.ROOT);
        new Violations().check(EmailAddresses.isValid(name), "userPrincipalName",
                "must be an email-like name such as ada@contoso.com").throwIfAny();
        if (name.equals(user.userPrincipalName())) {
            return user;
        }
        if (findOptional(name).isPresent()) {
            throw ProblemException.conflict("userPrincipalName", "a user " + name + " already exists");
        }
        audit.detail(user.userPrincipalName() + " -> " + name);
        user.setUserPrincipalName(name);
        user.touch();
        return user;
    }

    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR}, action = "user.pin-reset")
    public PinReset resetPin(String upn) {
        ConferencingUser user = find(upn);
        requireDialIn(user);
        String pin = pinGenerator.next(settings.current().pinLength());
        user.setPinHash(pins.hash(pin));
        user.touch();
        String emailId = notifier.notify(user, DialInChange.PIN_RESET, pin);
        audit.detail(emailId == null ? "no email (automatic emails are off)" : "email " + emailId);
        return new PinReset(pin, emailId);
    }

    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR}, action = "user.conference-id-reset")
    public ConferenceIdReset resetConferenceId(String upn) {
        ConferencingUser user = find(upn);
        DialInState before = DialInState.of(user);
        user.setConferenceId(conferenceIds.next());
        user.touch();
        String emailId = announce(user, before);
        audit.detail("new conference ID " + user.conferenceId() + (emailId == null ? "" : ", email " + emailId));
        return new ConferenceIdReset(user.conferenceId(), emailId);
    }

    /** A meeting's dial-in: a fresh unique conference ID with dynamic IDs, else the organizer's static one. */
    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR}, action = "meeting.schedule")
    public ScheduledMeeting scheduleMeeting(String upn, String subject, Instant startsAt) {
        subject = subject == null || subject.isBlank() ? null : subject.strip();
        ConferencingUser user = find(upn);
        requireDialIn(user);
        new Violations()
                .check(subject == null || subject.length() <= 300, "subject", "must have at most 300 characters")
                .check(!Standards.hasControlCharacters(subject), "subject", Standards.NO_CONTROL_CHARACTERS)
                .throwIfAny();
        DialInSettings tenant = settings.current();
        boolean dynamic = tenant.useUniqueConferenceIds();
        String conferenceId = dynamic
                ? conferenceIds.next()
                : user.conferenceId();
        Meeting meeting = new Meeting(user.userPrincipalName(), subject, startsAt, conferenceId, dynamic);
        em.persist(meeting);
        return new ScheduledMeeting(meeting, dialInInfos.dialInInfo(user, conferenceId));
    }

    public ConferencingUser find(String upn) {
        return findOptional(upn).orElseThrow(
                () -> ProblemException.notFound("There is no user '" + upn + "'."));
    }

    public Optional<ConferencingUser> findOptional(String upn) {
        if (upn == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(ConferencingUser.BY_UPN, ConferencingUser.class)
                .setParameter("upn", upn.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    /** The user's dial-in information as their emails show it, or empty when the user is gone. */
    public Optional<DialInInfo> dialInInfo(String upn) {
        return findOptional(upn).map(dialInInfos::dialInInfo);
    }

    /** Users whose UPN, display name or conference ID contains {@code search}; sort like "displayName,desc". */
    public Page<ConferencingUser> list(String search, int page, int size, String sort) {
        return list(search, null, null, page, size, sort);
    }

    /** The same, also filtered by license (null: any) and provider (null: any). */
    public Page<ConferencingUser> list(String search, Boolean license, Provider provider, int page, int size,
            String sort) {
        List<String> conditions = new java.util.ArrayList<>();
        String term = search == null ? null : search.strip().toLowerCase(Locale.ROOT);
        if (term != null && !term.isEmpty()) {
            conditions.add("(LOWER(u.userPrincipalName) LIKE :term OR LOWER(u.displayName) LIKE :term"
                    + " OR u.conferenceId LIKE :term)");
        }
        if (license != null) {
            conditions.add("u.audioConferencingLicense = :license");
        }
        if (provider != null) {
            conditions.add("u.provider = :provider");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String order = orderBy(sort);
        TypedQuery<ConferencingUser> query = em.createQuery(
                "SELECT u FROM ConferencingUser u" + where + " ORDER BY " + order, ConferencingUser.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM ConferencingUser u" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            if (term != null && !term.isEmpty()) {
                q.setParameter("term", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            if (license != null) {
                q.setParameter("license", license);
            }
            if (provider != null) {
                q.setParameter("provider", provider);
            }
        }
        List<ConferencingUser> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        // A first page that is not full is the whole result: no second pass over the table to count it
        // (a search with few or no matches scans every row; bench/USERS.md).
        long total = page == 0 && items.size() < size ? items.size() : count.getSingleResult();
        return new Page<>(items, page, size, total);
    }

    /** The users with dial-in through this service, for bulk sends. */
    public List<String> activeUserPrincipalNames() {
        return em.createQuery("SELECT u.userPrincipalName FROM ConferencingUser u WHERE u.audioConferencingLicense"
                        + " = TRUE AND u.provider = :provider ORDER BY u.userPrincipalName", String.class)
                .setParameter("provider", Provider.SELF_HOSTED).getResultList();
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

    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return "u.userPrincipalName ASC";
        }
        String[] parts = sort.split(",");
        String attribute = SORTABLE.get(parts[0].strip());
        if (attribute == null || parts.length > 2) {
            throw ProblemException.invalid("sort", "must be one of " + String.join(", ", new TreeSet<>(
                    SORTABLE.keySet())) + ", optionally followed by ,asc or ,desc");
        }
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ProblemException.invalid("sort", "direction must be asc or desc");
        }
        String tieBreak = attribute.equals("u.userPrincipalName") ? "" : ", u.userPrincipalName ASC";
        return attribute + " " + direction.toUpperCase(Locale.ROOT) + tieBreak;
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

        violations
                .check(displayName != null && !displayName.isEmpty(), "displayName", "is required")
                .check(displayName == null || displayName.length() <= 256, "displayName",
                        "must have at most 256 characters")
                .check(!Standards.hasControlCharacters(displayName), "displayName",
                        Standards.NO_CONTROL_CHARACTERS)
                .check(email == null || EmailAddresses.isValid(email), "email", "must be a valid email address")
                .check(language == null || Standards.isLanguageTag(language), "preferredLanguage",
                        "must be a BCP 47 language tag such as en-US or fr")
                .check(country == null || Standards.isCountry(country), "country",
                        "must be an ISO 3166 alpha-2 code such as FR")
                .check(license != null, "audioConferencingLicense", "must be true or false")
                .check(allowTollFree != null, "allowTollFreeDialIn", "must be true or false");
        Provider provider = null;
        try {
            provider = providerName == null ? null : Provider.valueOf(providerName);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        violations.check(provider != null, "provider", "must be SELF_HOSTED, THIRD_PARTY or NONE")
                .check(provider != Provider.THIRD_PARTY || (thirdParty != null && !thirdParty.isEmpty()),
                        "thirdPartyProviderName", "is required when provider is THIRD_PARTY")
                .check(provider == null || provider == Provider.THIRD_PARTY || !changes.has(Field.thirdPartyProviderName)
                        || thirdParty == null || thirdParty.isEmpty(), "thirdPartyProviderName",
                        "is only for provider THIRD_PARTY")
                .check(thirdParty == null || thirdParty.length() <= 200, "thirdPartyProviderName",
                        "must have at most 200 characters")
                .check(!Standards.hasControlCharacters(thirdParty), "thirdPartyProviderName",
                        Standards.NO_CONTROL_CHARACTERS);
        boolean newConferenceId = changes.has(Field.conferenceId) && conferenceId != null
                && !conferenceId.equals(user.conferenceId());
        if (newConferenceId) {
            String problem = ConferenceIdGenerator.problemWithChosen(conferenceId, 7, 10);
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

    /** Tells the user what changed since {@code before}: at most one email, and none when nothing they use changed. */
    private String announce(ConferencingUser user, DialInState before) {
        DialInState after = DialInState.of(user);
        if (!before.active() && after.active()) {
            if (user.conferenceId() == null) {
                user.setConferenceId(conferenceIds.next());
            }
            String pin = pinGenerator.next(settings.current().pinLength());
            user.setPinHash(pins.hash(pin));
            return notifier.notify(user, DialInChange.LICENSE_ASSIGNED, pin);
        }
        if (before.active() && !after.active()) {
            return notifier.notify(user, DialInChange.DIAL_IN_DISABLED, null);
        }
        if (after.active() && (!Objects.equals(before.conferenceId(), after.conferenceId())
                || !Objects.equals(before.tollNumber(), after.tollNumber())
                || !Objects.equals(before.tollFreeNumber(), after.tollFreeNumber()))) {
            return notifier.notify(user, DialInChange.CONFERENCE_ID_RESET, null);
        }
        return null;
    }

    private static void requireDialIn(ConferencingUser user) {
        if (!user.audioConferencingLicense() || user.provider() != Provider.SELF_HOSTED) {
            throw new ProblemException(409, "No dial-in", "User " + user.userPrincipalName()
                    + " has no audio conferencing with this service (it needs the license and provider SELF_HOSTED).",
                    List.of());
        }
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
