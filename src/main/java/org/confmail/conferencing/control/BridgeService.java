package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Standards;
import org.confmail.platform.problem.Violations;
import org.confmail.platform.validation.Constraints;
import org.confmail.audit.control.AuditTrail;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;

/** Bridges and their dial-in numbers: create, list, find; validation of every field before anything is stored. */
@ApplicationScoped
@Transactional
public class BridgeService {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_CITY_LENGTH = 100;

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    AuditTrail audit;

    @Guarded(roles = Roles.ADMIN, action = "bridge.create")
    public Bridge create(NewBridge input) {
        String name = input == null || input.name() == null ? null : input.name().strip();
        Constraints.require(new NewBridge(name, input == null ? null : input.isDefault()));
        if (!em.createNamedQuery(Bridge.BY_NAME, Bridge.class).setParameter("name", name).getResultList().isEmpty()) {
            throw ProblemException.conflict("name", "a bridge named '" + name + "' already exists");
        }
        List<Bridge> defaults = em.createNamedQuery(Bridge.DEFAULT, Bridge.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        boolean makeDefault = defaults.isEmpty() || Boolean.TRUE.equals(input.isDefault());
        if (makeDefault) {
            defaults.forEach(b -> b.setDefault(false));
        }
        Bridge bridge = new Bridge(name, makeDefault);
        em.persist(bridge);
        audit.target(bridge.id());
        audit.detail("name " + name);
        return bridge;
    }

    public List<Bridge> list() {
        return em.createNamedQuery(Bridge.ALL, Bridge.class).getResultList();
    }

    public Bridge find(String id) {
        Bridge bridge = id == null || !id.matches("[0-9a-f-]{36}") ? null : em.find(Bridge.class, id);
        if (bridge == null) {
            throw ProblemException.notFound("There is no bridge with id '" + id + "'.");
        }
        return bridge;
    }

    public Optional<Bridge> byId(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Bridge.class, id));
    }

    /** The bridge of that name, ignoring case. */
    public Optional<Bridge> byName(String name) {
        return em.createNamedQuery(Bridge.BY_NAME, Bridge.class).setParameter("name", name).getResultStream()
                .findFirst();
    }

    public Bridge defaultBridge() {
        return em.createNamedQuery(Bridge.DEFAULT, Bridge.class).getResultStream().findFirst().orElse(null);
    }

    public List<ServiceNumber> numbers(String bridgeId) {
        find(bridgeId);
        return em.createNamedQuery(ServiceNumber.OF_BRIDGE, ServiceNumber.class)
                .setParameter("bridgeId", bridgeId).getResultList();
    }

    /** Adds a number; {@code expectedVersion}, when given, must be the bridge's (its numbers are part of it). */
    @Guarded(roles = Roles.ADMIN, action = "number.add")
    public ServiceNumber addNumber(String bridgeId, NewServiceNumber input, Long expectedVersion) {
        Bridge bridge = find(bridgeId);
        requireVersion(bridge, expectedVersion);
        Violations violations = new Violations();
        if (input == null) {
            violations.add("number", "is required").throwIfAny();
        }
        NumberType type = null;
        try {
            type = input.type() == null ? null : NumberType.valueOf(input.type());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        String country = input.country() == null ? null : input.country().toUpperCase(Locale.ROOT);
        List<String> languages = input.languages() == null ? List.of() : input.languages();
        violations
                .check(PhoneNumbers.isE164(input.number()), "number",
                        "must be an E.164 number such as +14255550100")
                .check(type != null, "type", "must be TOLL or TOLL_FREE")
                .check(country != null, "country", "must be an ISO 3166 alpha-2 code such as US");
        Constraints.check(new NewServiceNumber(input.number(), input.type(), country, input.city(), languages),
                violations);
        violations.throwIfAny();
        if (!em.createNamedQuery(ServiceNumber.BY_E164, ServiceNumber.class)
                .setParameter("e164", input.number()).getResultList().isEmpty()) {
            throw ProblemException.conflict("number", input.number() + " is already a service number");
        }
        ServiceNumber number = new ServiceNumber(bridge, input.number(), type, country,
                input.city() == null || input.city().isBlank() ? null : input.city().strip(),
                languages.stream().map(Standards::canonicalLanguageTag).toList());
        em.persist(number);
        audit.detail("number " + input.number());
        bridge.serviceNumbers().add(number);
        if (type == NumberType.TOLL && bridge.defaultTollNumber() == null) {
            bridge.setDefaultTollNumber(number);
        }
        numbersChanged(bridge);
        return number;
    }

    /** Renames the bridge, makes it the default, or changes its default toll number (one of its own). */
    @Guarded(roles = Roles.ADMIN, action = "bridge.update")
    public Bridge update(String id, String name, Boolean isDefault, String defaultTollNumber, Long expectedVersion) {
        Bridge bridge = find(id);
        requireVersion(bridge, expectedVersion);
        String newName = name == null ? null : name.strip();
        Violations violations = new Violations()
                .check(newName == null || !newName.isEmpty(), "name", "must not be empty")
                .check(newName == null || newName.length() <= MAX_NAME_LENGTH, "name",
                        "must have at most " + MAX_NAME_LENGTH + " characters")
                .check(!Standards.hasControlCharacters(newName), "name", Standards.NO_CONTROL_CHARACTERS)
                .check(!Boolean.FALSE.equals(isDefault) || !bridge.isDefault(), "isDefault",
                        "one bridge is always the default: make another bridge the default instead");
        ServiceNumber toll = null;
        if (defaultTollNumber != null) {
            toll = bridge.serviceNumbers().stream()
                    .filter(n -> n.e164().equals(defaultTollNumber) && n.type() == NumberType.TOLL)
                    .findFirst().orElse(null);
            violations.check(toll != null, "defaultTollNumber", Standards.excerpt(defaultTollNumber)
                    + " is not a toll number of this bridge");
        }
        violations.throwIfAny();
        if (newName != null && !newName.equalsIgnoreCase(bridge.name()) && !em.createNamedQuery(Bridge.BY_NAME,
                Bridge.class).setParameter("name", newName).getResultList().isEmpty()) {
            throw ProblemException.conflict("name", "a bridge named '" + newName + "' already exists");
        }
        if (newName != null) {
            bridge.rename(newName);
        }
        if (Boolean.TRUE.equals(isDefault) && !bridge.isDefault()) {
            em.createNamedQuery(Bridge.DEFAULT, Bridge.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList().forEach(b -> b.setDefault(false));
            bridge.setDefault(true);
        }
        if (toll != null) {
            bridge.setDefaultTollNumber(toll);
        }
        return bridge;
    }

    /** Deletes a bridge nobody uses, with its numbers; the default bridge goes last. */
    @Guarded(roles = Roles.ADMIN, action = "bridge.delete")
    public void delete(String id) {
        Bridge bridge = find(id);
        long users = em.createQuery("SELECT COUNT(u) FROM ConferencingUser u WHERE u.bridge.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (users > 0) {
            throw new ProblemException(409, "Bridge in use", "Bridge " + bridge.name() + " is the bridge of "
                    + users + " user(s); move them to another bridge first.", List.of());
        }
        if (bridge.isDefault() && list().size() > 1) {
            throw new ProblemException(409, "Default bridge", "Bridge " + bridge.name()
                    + " is the default; make another bridge the default first.", List.of());
        }
        bridge.setDefaultTollNumber(null);
        em.flush();
        for (ServiceNumber number : List.copyOf(bridge.serviceNumbers())) {
            em.remove(number);
        }
        em.remove(bridge);
    }

    /**
     * Deletes a number that no user has as a default and that is not the bridge's default toll number;
     * {@code expectedVersion}, when given, must be the bridge's (its numbers are part of it).
     */
    @Guarded(roles = Roles.ADMIN, action = "number.delete")
    public void deleteNumber(String bridgeId, String numberId, Long expectedVersion) {
        Bridge bridge = find(bridgeId);
        requireVersion(bridge, expectedVersion);
        ServiceNumber number = bridge.serviceNumbers().stream().filter(n -> n.id().equals(numberId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Bridge " + bridge.name()
                        + " has no service number with id '" + numberId + "'."));
        long users = em.createNamedQuery(ConferencingUser.USING_NUMBER, Long.class)
                .setParameter("numberId", numberId).getSingleResult();
        if (users > 0) {
            throw new ProblemException(409, "Number in use", number.e164() + " is a default number of " + users
                    + " user(s); give them another number first.", List.of());
        }
        if (number == bridge.defaultTollNumber()) {
            throw new ProblemException(409, "Number in use", number.e164()
                    + " is the bridge's default toll number; choose another default first.", List.of());
        }
        audit.detail("number " + number.e164());
        bridge.serviceNumbers().remove(number);
        em.remove(number);
        numbersChanged(bridge);
    }

    private static void requireVersion(Bridge bridge, Long expectedVersion) {
        ProblemException.requireVersion(expectedVersion, bridge.version(),
                "The bridge was changed by someone else since you read it; read it again.");
    }

    /** A bridge's numbers are part of it: adding or deleting one is a new version of the bridge. */
    private void numbersChanged(Bridge bridge) {
        em.lock(bridge, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }
}
