package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Standards;
import org.confmail.platform.problem.Violations;

/** Bridges and their dial-in numbers: create, list, find; validation of every field before anything is stored. */
@ApplicationScoped
@Transactional
public class BridgeService {

    @PersistenceContext
    EntityManager em;

    public Bridge create(NewBridge input) {
        String name = input == null || input.name() == null ? null : input.name().strip();
        new Violations()
                .check(name != null && !name.isEmpty(), "name", "is required")
                .check(name == null || name.length() <= 200, "name", "must have at most 200 characters")
                .check(!Standards.hasControlCharacters(name), "name", "must not contain control characters")
                .throwIfAny();
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
        return bridge;
    }

    public List<Bridge> list() {
        return em.createNamedQuery(Bridge.ALL, Bridge.class).getResultList();
    }

    public Bridge find(String id) {
        Bridge bridge = id == null ? null : em.find(Bridge.class, id);
        if (bridge == null) {
            throw ProblemException.notFound("There is no bridge with id '" + id + "'.");
        }
        return bridge;
    }

    public Bridge defaultBridge() {
        return em.createNamedQuery(Bridge.DEFAULT, Bridge.class).getResultStream().findFirst().orElse(null);
    }

    public List<ServiceNumber> numbers(String bridgeId) {
        find(bridgeId);
        return em.createNamedQuery(ServiceNumber.OF_BRIDGE, ServiceNumber.class)
                .setParameter("bridgeId", bridgeId).getResultList();
    }

    public ServiceNumber addNumber(String bridgeId, NewServiceNumber input) {
        Bridge bridge = find(bridgeId);
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
                .check(Standards.isCountry(country), "country", "must be an ISO 3166 alpha-2 code such as US")
                .check(input.city() == null || input.city().length() <= 100, "city", "must have at most 100 characters")
                .check(!Standards.hasControlCharacters(input.city()), "city", "must not contain control characters")
                .check(languages.stream().allMatch(Standards::isLanguageTag), "languages",
                        "must be BCP 47 language tags such as en-US");
        violations.throwIfAny();
        if (!em.createNamedQuery(ServiceNumber.BY_E164, ServiceNumber.class)
                .setParameter("e164", input.number()).getResultList().isEmpty()) {
            throw ProblemException.conflict("number", input.number() + " is already a service number");
        }
        ServiceNumber number = new ServiceNumber(bridge, input.number(), type, country,
                input.city() == null || input.city().isBlank() ? null : input.city().strip(),
                languages.stream().map(Standards::canonicalLanguageTag).toList());
        em.persist(number);
        bridge.serviceNumbers().add(number);
        if (type == NumberType.TOLL && bridge.defaultTollNumber() == null) {
            bridge.setDefaultTollNumber(number);
        }
        return number;
    }
}
