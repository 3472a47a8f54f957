package org.confmail.provisioning.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.confmail.audit.control.AuditTrail;
import org.confmail.conferencing.control.NewUser;
import org.confmail.conferencing.control.UserChanges;
import org.confmail.conferencing.control.UserChanges.Field;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.platform.problem.Standards;
import org.confmail.provisioning.control.ScimQuery.Column;
import org.confmail.provisioning.entity.ScimGroup;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;

/**
 * SCIM Users (RFC 7643 section 4.1) on confmail's conferencing users. The mapping: {@code userName} is the user
 * principal name; {@code displayName} (else {@code name.formatted}, else given and family name, else the userName)
 * the display name; the primary work email the address the emails go to (none: the userName); {@code
 * preferredLanguage} (else {@code locale}) the language; the work address's {@code country} the country;
 * {@code active} and {@code externalId} as they are. Attributes confmail has no use for are accepted and not kept.
 * Every change goes through {@link UserService}; the license follows {@link LicenseGroup}'s rule. Users created here
 * start without the license: the license group gives it.
 */
@ApplicationScoped
@Transactional
public class ScimUsers {

    static final Map<String, Column> FILTERABLE = Map.ofEntries(
            Map.entry("id", Column.exact("u.id")),
            Map.entry("username", Column.text("u.userPrincipalName")),
            Map.entry("externalid", Column.exact("u.externalId")),
            Map.entry("displayname", Column.text("u.displayName")),
            Map.entry("name.givenname", Column.text("u.givenName")),
            Map.entry("name.familyname", Column.text("u.familyName")),
            Map.entry("emails.value", Column.text("u.email")),
            Map.entry("emails.type", Column.constant("work")),
            Map.entry("emails.primary", Column.constant(Boolean.TRUE)),
            Map.entry("preferredlanguage", Column.text("u.preferredLanguage")),
            Map.entry("addresses.country", Column.text("u.country")),
            Map.entry("addresses.type", Column.constant("work")),
            Map.entry("active", Column.bool("u.active")));

    /** What a SCIM user says about a confmail user, read from a POST, a PUT or a patched resource. */
    record UserValues(String userName, String externalId, String displayName, String givenName, String familyName,
            String email, String language, String country, boolean active) {

        @SuppressWarnings("unchecked")
        static UserValues read(Map<String, Object> v) {
            String userName = ScimJson.text(v, "username", "userName");
            if (userName == null || userName.isBlank()) {
                throw ScimException.invalidValue("userName is required.");
            }
            Object nameValue = v.get("name");
            if (nameValue != null && !(nameValue instanceof Map<?, ?>)) {
                throw ScimException.invalidValue("name must be an object (givenName, familyName, formatted).");
            }
            Map<String, Object> name = nameValue == null ? Map.of() : (Map<String, Object>) nameValue;
            String givenName = blankless(ScimJson.text(name, "givenname", "name.givenName"));
            String familyName = blankless(ScimJson.text(name, "familyname", "name.familyName"));
            String displayName = blankless(ScimJson.text(v, "displayname", "displayName"));
            if (displayName == null) {
                displayName = blankless(ScimJson.text(name, "formatted", "name.formatted"));
            }
            if (displayName == null && (givenName != null || familyName != null)) {
                displayName = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
                        .strip();
            }
            if (displayName == null) {
                displayName = userName.strip();
            }
            Map<String, Object> email = preferred(ScimJson.objects(v, "emails", "emails"));
            String address = email == null ? null : blankless(ScimJson.text(email, "value", "emails.value"));
            String language = blankless(ScimJson.text(v, "preferredlanguage", "preferredLanguage"));
            if (language == null) {
                language = blankless(ScimJson.text(v, "locale", "locale"));
            }
            if (language != null) {
                // Accept-Language style ("fr-CA,fr;q=0.9") and Java style ("fr_CA"): the first tag.
                language = blankless(language.split("[,;]")[0].replace('_', '-'));
            }
            Map<String, Object> addressValue = preferred(ScimJson.objects(v, "addresses", "addresses"));
            String country = addressValue == null ? null
                    : blankless(ScimJson.text(addressValue, "country", "addresses.country"));
            boolean active = true;
            if (v.get("active") != null) {
                Boolean flag = ScimJson.bool(v.get("active"));
                if (flag == null) {
                    throw ScimException.invalidValue("active must be true or false.");
                }
                active = flag;
            }
            String externalId = blankless(ScimJson.text(v, "externalid", "externalId"));
            checkText("externalId", externalId, 254);
            checkText("name.givenName", givenName, 256);
            checkText("name.familyName", familyName, 256);
            return new UserValues(userName.strip().toLowerCase(Locale.ROOT), externalId, displayName, givenName,
                    familyName, address, language, country, active);
        }

        /** The work value marked primary, else the primary one, else the first work one, else the first. */
        private static Map<String, Object> preferred(List<Map<String, Object>> values) {
            Map<String, Object> best = null;
            int bestScore = -1;
            for (Map<String, Object> value : values) {
                boolean work = value.get("type") instanceof String t && t.equalsIgnoreCase("work");
                boolean primary = Boolean.TRUE.equals(ScimJson.bool(value.get("primary")));
                int score = (primary ? 2 : 0) + (work ? 1 : 0);
                if (score > bestScore) {
                    best = value;
                    bestScore = score;
                }
            }
            return best;
        }

        private static void checkText(String name, String value, int max) {
            if (value != null && value.length() > max) {
                throw ScimException.invalidValue(name + " must have at most " + max + " characters.");
            }
            if (Standards.hasControlCharacters(value)) {
                throw ScimException.invalidValue(name + " must not contain control characters.");
            }
        }

        private static String blankless(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    UserDirectory directory;

    @Inject
    LicenseGroup licenseGroup;

    @Inject
    AuditTrail audit;

    /** Creates a user; 409 uniqueness when the userName is taken (as when a provider retries a create). */
    @Guarded(roles = Roles.PROVISIONER, action = "scim.user.create")
    public JsonObject create(JsonObject body, URI base) {
        UserValues values = UserValues.read(ScimJson.modelObject(body));
        audit.target(values.userName());
        directory.findOptional(values.userName()).ifPresent(existing -> {
            throw ScimException.uniqueness("A user with userName " + values.userName() + " exists already (id "
                    + existing.id() + ").");
        });
        ConferencingUser user = users.create(new NewUser(values.userName(), values.displayName(), values.email(),
                values.language(), values.country(), false, null, null, null, null, null, null, null));
        user.setActive(values.active());
        user.setExternalId(values.externalId());
        user.setName(values.givenName(), values.familyName());
        audit.detail("id " + user.id() + (values.active() ? "" : ", inactive"));
        return json(user, base);
    }

    @Guarded(roles = Roles.PROVISIONER)
    public JsonObject read(String id, URI base) {
        return json(find(id), base);
    }

    /** PUT: the user becomes what the body says (attributes it leaves out are cleared or take their defaults). */
    @Guarded(roles = Roles.PROVISIONER, action = "scim.user.replace")
    public JsonObject replace(String id, JsonObject body, URI base) {
        ConferencingUser user = find(id);
        audit.target(user.userPrincipalName());
        change(user, UserValues.read(ScimJson.modelObject(body)));
        return json(user, base);
    }

    @Guarded(roles = Roles.PROVISIONER, action = "scim.user.patch")
    public JsonObject patch(String id, JsonObject body, URI base) {
        ConferencingUser user = find(id);
        audit.target(user.userPrincipalName());
        Map<String, Object> values = ScimJson.modelObject(json(user, null));
        ScimPatch.apply(values, body);
        change(user, UserValues.read(values));
        return json(user, base);
    }

    @Guarded(roles = Roles.PROVISIONER, action = "scim.user.delete")
    public void delete(String id) {
        ConferencingUser user = find(id);
        audit.target(user.userPrincipalName());
        users.delete(user.userPrincipalName());
        audit.detail("id " + id);
    }

    @Guarded(roles = Roles.PROVISIONER)
    public Scim.Page list(String filter, Scim.Window window, URI base) {
        ScimQuery query = new ScimQuery(FILTERABLE);
        String where = filter == null || filter.isBlank() ? "" : " WHERE " + query.where(ScimFilter.parse(filter));
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM ConferencingUser u" + where, Long.class);
        query.bind(count);
        long total = count.getSingleResult();
        List<JsonObject> resources = new ArrayList<>();
        if (window.count() > 0 && total >= window.startIndex()) {
            TypedQuery<ConferencingUser> page = em.createQuery("SELECT u FROM ConferencingUser u" + where
                    + " ORDER BY u.userPrincipalName", ConferencingUser.class);
            query.bind(page);
            page.setFirstResult(window.startIndex() - 1).setMaxResults(window.count()).getResultList()
                    .forEach(u -> resources.add(json(u, base)));
        }
        return new Scim.Page(resources, total, window.startIndex());
    }

    ConferencingUser find(String id) {
        ConferencingUser user = id != null && id.matches("[0-9a-f-]{36}") ? em.find(ConferencingUser.class, id) : null;
        if (user == null) {
            throw ScimException.notFound("There is no user with id '" + (id == null ? "" : id.length() > 40
                    ? id.substring(0, 40) + "…" : id) + "'.");
        }
        return user;
    }

    /** Makes the user what the values say, through the user service; the license follows the rule. */
    private void change(ConferencingUser user, UserValues values) {
        List<String> changed = new ArrayList<>();
        if (!values.userName().equals(user.userPrincipalName())) {
            users.rename(user.userPrincipalName(), values.userName());
            changed.add("userName");
        }
        UserChanges changes = new UserChanges();
        if (!values.displayName().equals(user.displayName())) {
            changes.set(Field.displayName, values.displayName());
        }
        String email = values.email() == null ? values.userName() : values.email();
        if (!email.equalsIgnoreCase(user.email())) {
            changes.set(Field.email, values.email());
        }
        if (!sameIgnoringCase(values.language(), user.preferredLanguage())) {
            changes.set(Field.preferredLanguage, values.language());
        }
        if (!sameIgnoringCase(values.country(), user.country())) {
            changes.set(Field.country, values.country());
        }
        if (values.active() != user.active()) {
            user.setActive(values.active());
            changed.add(values.active() ? "activated" : "deactivated");
        }
        boolean licensed = LicenseGroup.licensed(user, licenseGroup.hasMember(user));
        if (licensed != user.audioConferencingLicense()) {
            changes.set(Field.audioConferencingLicense, licensed);
            changed.add(licensed ? "license assigned" : "license removed");
        }
        if (!changes.isEmpty()) {
            users.update(user.userPrincipalName(), changes, null);
            for (Field field : Field.values()) {
                if (changes.has(field) && field != Field.audioConferencingLicense) {
                    changed.add(field.name());
                }
            }
        }
        if (!Objects.equals(values.externalId(), user.externalId())) {
            user.setExternalId(values.externalId());
            changed.add("externalId");
        }
        if (!Objects.equals(values.givenName(), user.givenName())
                || !Objects.equals(values.familyName(), user.familyName())) {
            user.setName(values.givenName(), values.familyName());
            changed.add("name");
        }
        user.touch();
        audit.detail(changed.isEmpty() ? "no change" : "changed: " + String.join(", ", changed));
    }

    private static boolean sameIgnoringCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /** The SCIM form of a user; {@code base} null leaves out the locations (for PATCH's working copy). */
    JsonObject json(ConferencingUser user, URI base) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("schemas", ScimJson.strings(Scim.USER_SCHEMA))
                .add("id", user.id())
                .add("userName", user.userPrincipalName())
                .add("displayName", user.displayName())
                .add("active", user.active());
        if (user.externalId() != null) {
            json.add("externalId", user.externalId());
        }
        JsonObjectBuilder name = Json.createObjectBuilder().add("formatted", user.displayName());
        if (user.givenName() != null) {
            name.add("givenName", user.givenName());
        }
        if (user.familyName() != null) {
            name.add("familyName", user.familyName());
        }
        json.add("name", name);
        json.add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", user.email())
                .add("type", "work").add("primary", true)));
        if (user.preferredLanguage() != null) {
            json.add("preferredLanguage", user.preferredLanguage());
        }
        if (user.country() != null) {
            json.add("addresses", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "work")
                    .add("country", user.country()).add("primary", true)));
        }
        var groups = Json.createArrayBuilder();
        for (ScimGroup group : em.createNamedQuery(ScimGroup.OF_USER, ScimGroup.class)
                .setParameter("userId", user.id()).getResultList()) {
            JsonObjectBuilder g = Json.createObjectBuilder().add("value", group.id())
                    .add("display", group.displayName()).add("type", "direct");
            URI location = Scim.location(base, "Groups", group.id());
            if (location != null) {
                g.add("$ref", location.toString());
            }
            groups.add(g);
        }
        json.add("groups", groups);
        json.add("meta", Scim.meta("User", user.createdAt(), user.updatedAt(), user.version(),
                Scim.location(base, "Users", user.id())));
        return json.build();
    }
}
