package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.Provider;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.config.EmailAddresses;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Standards;
import org.confmail.platform.problem.Violations;
import org.confmail.tenant.control.DialInSettingsService;

/** Conferencing users: create with sensible defaults, find, list with search, paging and sorting. */
@ApplicationScoped
@Transactional
public class UserService {

    /** API sort keys and the attribute each sorts by. */
    static final Map<String, String> SORTABLE = Map.of(
            "userPrincipalName", "u.userPrincipalName",
            "displayName", "u.displayName",
            "conferenceId", "u.conferenceId",
            "createdAt", "u.createdAt");

    @PersistenceContext
    EntityManager em;

    @Inject
    BridgeService bridges;

    @Inject
    DialInSettingsService settings;

    @Inject
    DialInInfoService dialInInfos;

    private final ConferenceIdGenerator conferenceIds = new ConferenceIdGenerator();

    public ConferencingUser create(NewUser input) {
        if (input == null) {
            new Violations().add("userPrincipalName", "is required").throwIfAny();
        }
        Violations violations = new Violations();
        String upn = input.userPrincipalName() == null ? null : input.userPrincipalName().strip().toLowerCase(Locale.ROOT);
        String displayName = input.displayName() == null ? null : input.displayName().strip();
        String email = input.email() == null ? upn : input.email().strip();
        String country = input.country() == null ? null : input.country().toUpperCase(Locale.ROOT);
        violations
                .check(EmailAddresses.isValid(upn), "userPrincipalName", "must be an email-like name such as ada@contoso.com")
                .check(displayName != null && !displayName.isEmpty(), "displayName", "is required")
                .check(displayName == null || displayName.length() <= 256, "displayName", "must have at most 256 characters")
                .check(!Standards.hasControlCharacters(displayName), "displayName",
                        "must not contain line breaks or other control characters")
                .check(EmailAddresses.isValid(email), "email", "must be a valid email address")
                .check(input.preferredLanguage() == null || Standards.isLanguageTag(input.preferredLanguage()),
                        "preferredLanguage", "must be a BCP 47 language tag such as en-US or fr")
                .check(country == null || Standards.isCountry(country), "country",
                        "must be an ISO 3166 alpha-2 code such as FR");
        Provider provider = Provider.SELF_HOSTED;
        if (input.provider() != null) {
            try {
                provider = Provider.valueOf(input.provider());
            } catch (IllegalArgumentException e) {
                violations.add("provider", "must be SELF_HOSTED, THIRD_PARTY or NONE");
            }
        }
        String thirdParty = input.thirdPartyProviderName() == null ? null : input.thirdPartyProviderName().strip();
        violations.check(provider != Provider.THIRD_PARTY || (thirdParty != null && !thirdParty.isEmpty()),
                        "thirdPartyProviderName", "is required when provider is THIRD_PARTY")
                .check(thirdParty == null || thirdParty.length() <= 200, "thirdPartyProviderName",
                        "must have at most 200 characters")
                .check(!Standards.hasControlCharacters(thirdParty), "thirdPartyProviderName",
                        "must not contain control characters");
        int idLength = settings.current().conferenceIdLength();
        if (input.conferenceId() != null) {
            String problem = ConferenceIdGenerator.problemWithChosen(input.conferenceId(), 7, 10);
            violations.check(problem == null, "conferenceId", problem);
        }
        violations.throwIfAny();

        Bridge bridge = input.bridgeId() != null ? findBridgeFor(input.bridgeId()) : bridges.defaultBridge();
        ServiceNumber toll = numberOfBridge(bridge, input.tollNumber(), NumberType.TOLL, "tollNumber");
        ServiceNumber tollFree = numberOfBridge(bridge, input.tollFreeNumber(), NumberType.TOLL_FREE, "tollFreeNumber");

        if (findOptional(upn).isPresent()) {
            throw ProblemException.conflict("userPrincipalName", "a user " + upn + " already exists");
        }
        if (input.conferenceId() != null && !conferenceIdIsFree(input.conferenceId())) {
            throw ProblemException.conflict("conferenceId", "conference ID " + input.conferenceId() + " is taken");
        }

        ConferencingUser user = new ConferencingUser(upn, displayName, email);
        user.setPreferredLanguage(input.preferredLanguage() == null ? null
                : Standards.canonicalLanguageTag(input.preferredLanguage()));
        user.setCountry(country);
        user.setAudioConferencingLicense(input.audioConferencingLicense() == null || input.audioConferencingLicense());
        user.setProvider(provider, thirdParty);
        user.setAllowTollFreeDialIn(input.allowTollFreeDialIn() == null || input.allowTollFreeDialIn());
        user.setBridge(bridge);
        if (bridge != null) {
            user.setTollNumber(toll != null ? toll : defaultNumber(bridge, country, NumberType.TOLL));
            user.setTollFreeNumber(tollFree != null ? tollFree : defaultNumber(bridge, country, NumberType.TOLL_FREE));
        }
        user.setConferenceId(input.conferenceId() != null ? input.conferenceId()
                : conferenceIds.next(idLength, this::conferenceIdIsFree));
        em.persist(user);
        return user;
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
        String where = "";
        String term = search == null ? null : search.strip().toLowerCase(Locale.ROOT);
        if (term != null && !term.isEmpty()) {
            where = " WHERE LOWER(u.userPrincipalName) LIKE :term OR LOWER(u.displayName) LIKE :term"
                    + " OR u.conferenceId LIKE :term";
        }
        String order = orderBy(sort);
        TypedQuery<ConferencingUser> query = em.createQuery(
                "SELECT u FROM ConferencingUser u" + where + " ORDER BY " + order, ConferencingUser.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM ConferencingUser u" + where, Long.class);
        if (!where.isEmpty()) {
            String pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            query.setParameter("term", pattern);
            count.setParameter("term", pattern);
        }
        List<ConferencingUser> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, count.getSingleResult());
    }

    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return "u.userPrincipalName ASC";
        }
        String[] parts = sort.split(",");
        String attribute = SORTABLE.get(parts[0].strip());
        if (attribute == null || parts.length > 2) {
            throw ProblemException.invalid("sort", "must be one of " + String.join(", ", new java.util.TreeSet<>(
                    SORTABLE.keySet())) + ", optionally followed by ,asc or ,desc");
        }
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ProblemException.invalid("sort", "direction must be asc or desc");
        }
        String tieBreak = attribute.equals("u.userPrincipalName") ? "" : ", u.userPrincipalName ASC";
        return attribute + " " + direction.toUpperCase(Locale.ROOT) + tieBreak;
    }

    boolean conferenceIdIsFree(String conferenceId) {
        return em.createNamedQuery(ConferencingUser.BY_CONFERENCE_ID, ConferencingUser.class)
                .setParameter("conferenceId", conferenceId).getResultList().isEmpty();
    }

    private Bridge findBridgeFor(String bridgeId) {
        Bridge bridge = em.find(Bridge.class, bridgeId);
        if (bridge == null) {
            throw ProblemException.invalid("bridgeId", "there is no bridge with id '" + bridgeId + "'");
        }
        return bridge;
    }

    /** A number the caller chose: it must be one of the bridge's numbers, of the right type. */
    private ServiceNumber numberOfBridge(Bridge bridge, String e164, NumberType type, String field) {
        if (e164 == null) {
            return null;
        }
        if (bridge == null) {
            throw ProblemException.invalid(field, "the user has no bridge to take a number from");
        }
        return bridge.serviceNumbers().stream()
                .filter(n -> n.e164().equals(e164) && n.type() == type)
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, e164 + " is not a "
                        + (type == NumberType.TOLL ? "toll" : "toll-free") + " number of bridge " + bridge.name()));
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
