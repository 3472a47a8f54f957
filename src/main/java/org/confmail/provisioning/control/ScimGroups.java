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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.confmail.audit.control.AuditTrail;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.platform.problem.Standards;
import org.confmail.provisioning.control.ScimQuery.Column;
import org.confmail.provisioning.entity.ScimGroup;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;

/**
 * SCIM Groups (RFC 7643 section 4.2): a displayName (unique, in any case), an externalId and users as members.
 * Joining the license group gives a member the license and leaving it takes it away ({@link LicenseGroup}); so does
 * renaming a group to or from the license group's name, or deleting it. Every license change of one request is made
 * in its transaction, with its emails queued in the outbox: all or none.
 */
@ApplicationScoped
@Transactional
public class ScimGroups {

    static final Map<String, Column> FILTERABLE = Map.of(
            "id", Column.exact("g.id"),
            "displayname", Column.text("g.displayName"),
            "externalid", Column.exact("g.externalId"),
            "members.value", Column.member("EXISTS (SELECT m.id FROM ScimGroup g2 JOIN g2.members m"
                    + " WHERE g2.id = g.id AND m.id = %s)"));

    /** What a SCIM group says, read from a POST, a PUT or a patched resource. */
    record GroupValues(String displayName, String externalId, Set<String> memberIds) {

        static GroupValues read(Map<String, Object> v) {
            String displayName = ScimJson.text(v, "displayname", "displayName");
            if (displayName == null || displayName.isBlank()) {
                throw ScimException.invalidValue("displayName is required.");
            }
            displayName = displayName.strip();
            if (displayName.length() > 256 || Standards.hasControlCharacters(displayName)) {
                throw ScimException.invalidValue("displayName must have at most 256 characters and no control"
                        + " characters.");
            }
            String externalId = ScimJson.text(v, "externalid", "externalId");
            externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
            if (externalId != null && (externalId.length() > 254 || Standards.hasControlCharacters(externalId))) {
                throw ScimException.invalidValue("externalId must have at most 254 characters and no control"
                        + " characters.");
            }
            Set<String> members = new HashSet<>();
            for (Map<String, Object> member : ScimJson.objects(v, "members", "members")) {
                String id = ScimJson.text(member, "value", "members.value");
                if (id == null || id.isBlank()) {
                    throw ScimException.invalidValue("Each member needs a \"value\": the id of a user.");
                }
                members.add(id.strip());
            }
            return new GroupValues(displayName, externalId, members);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    LicenseGroup licenseGroup;

    @Inject
    AuditTrail audit;

    @Guarded(roles = Roles.PROVISIONER, action = "scim.group.create")
    public JsonObject create(JsonObject body, URI base) {
        GroupValues values = GroupValues.read(ScimJson.modelObject(body));
        audit.target(values.displayName());
        requireFreeName(values.displayName(), null);
        ScimGroup group = new ScimGroup(values.displayName());
        group.setExternalId(values.externalId());
        em.persist(group);
        Map<String, ConferencingUser> members = users(values.memberIds());
        group.members().addAll(members.values());
        int[] licenses = settle(group, Set.of(), false, members.values(), List.of());
        audit.detail("id " + group.id() + ", " + members.size() + " members" + licenseText(licenses));
        return json(group, base, true);
    }

    @Guarded(roles = Roles.PROVISIONER)
    public JsonObject read(String id, URI base, boolean withMembers) {
        return json(find(id), base, withMembers);
    }

    @Guarded(roles = Roles.PROVISIONER, action = "scim.group.replace")
    public JsonObject replace(String id, JsonObject body, URI base) {
        ScimGroup group = find(id);
        audit.target(group.displayName());
        change(group, GroupValues.read(ScimJson.modelObject(body)));
        return json(group, base, true);
    }

    @Guarded(roles = Roles.PROVISIONER, action = "scim.group.patch")
    public JsonObject patch(String id, JsonObject body, URI base, boolean withMembers) {
        ScimGroup group = find(id);
        audit.target(group.displayName());
        Map<String, Object> values = ScimJson.modelObject(json(group, null, true));
        ScimPatch.apply(values, body);
        change(group, GroupValues.read(values));
        return json(group, base, withMembers);
    }

    @Guarded(roles = Roles.PROVISIONER, action = "scim.group.delete")
    public void delete(String id) {
        ScimGroup group = find(id);
        audit.target(group.displayName());
        List<ConferencingUser> members = new ArrayList<>(group.members());
        boolean license = licenseGroup.is(group.displayName());
        group.members().clear();
        em.remove(group);
        em.flush();
        int[] licenses = {0, 0};
        if (license) {
            for (ConferencingUser user : members) {
                count(licenses, licenseGroup.settle(user, false));
            }
        }
        audit.detail("id " + id + ", " + members.size() + " members" + licenseText(licenses));
    }

    @Guarded(roles = Roles.PROVISIONER)
    public Scim.Page list(String filter, Scim.Window window, URI base, boolean withMembers) {
        ScimQuery query = new ScimQuery(FILTERABLE);
        String where = filter == null || filter.isBlank() ? "" : " WHERE " + query.where(ScimFilter.parse(filter));
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(g) FROM ScimGroup g" + where, Long.class);
        query.bind(count);
        long total = count.getSingleResult();
        List<JsonObject> resources = new ArrayList<>();
        if (window.count() > 0 && total >= window.startIndex()) {
            TypedQuery<ScimGroup> page = em.createQuery("SELECT g FROM ScimGroup g" + where
                    + " ORDER BY g.displayName, g.id", ScimGroup.class);
            query.bind(page);
            page.setFirstResult(window.startIndex() - 1).setMaxResults(window.count()).getResultList()
                    .forEach(g -> resources.add(json(g, base, withMembers)));
        }
        return new Scim.Page(resources, total, window.startIndex());
    }

    private ScimGroup find(String id) {
        ScimGroup group = id != null && id.matches("[0-9a-f-]{36}") ? em.find(ScimGroup.class, id) : null;
        if (group == null) {
            throw ScimException.notFound("There is no group with id '" + (id == null ? "" : id.length() > 40
                    ? id.substring(0, 40) + "…" : id) + "'.");
        }
        return group;
    }

    private void change(ScimGroup group, GroupValues values) {
        String oldName = group.displayName();
        if (!values.displayName().equalsIgnoreCase(oldName)) {
            requireFreeName(values.displayName(), group.id());
        }
        boolean wasLicense = licenseGroup.is(oldName);
        Set<ConferencingUser> before = new HashSet<>(group.members());
        Map<String, ConferencingUser> after = users(values.memberIds());
        List<ConferencingUser> added = after.values().stream().filter(u -> !before.contains(u)).toList();
        List<ConferencingUser> removed = before.stream().filter(u -> !after.containsKey(u.id())).toList();
        group.members().removeAll(removed);
        group.members().addAll(added);
        group.setDisplayName(values.displayName());
        group.setExternalId(values.externalId());
        group.touch();
        int[] licenses = settle(group, before, wasLicense, added, removed);
        List<String> changed = new ArrayList<>();
        if (!oldName.equals(values.displayName())) {
            changed.add("displayName " + oldName + " -> " + values.displayName());
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            changed.add("members +" + added.size() + " -" + removed.size());
        }
        audit.detail((changed.isEmpty() ? "no change" : String.join(", ", changed)) + licenseText(licenses));
    }

    /** Gives or takes the license of the users whose membership of the license group changed; {given, taken}. */
    private int[] settle(ScimGroup group, Set<ConferencingUser> before, boolean wasLicense,
            java.util.Collection<ConferencingUser> added, List<ConferencingUser> removed) {
        boolean isLicense = licenseGroup.is(group.displayName());
        int[] licenses = {0, 0};
        if (!wasLicense && !isLicense) {
            return licenses;
        }
        em.flush();
        Set<ConferencingUser> affected = new HashSet<>();
        if (wasLicense != isLicense) {
            affected.addAll(before);
            affected.addAll(group.members());
        } else {
            affected.addAll(added);
            affected.addAll(removed);
        }
        List<ConferencingUser> ordered = new ArrayList<>(affected);
        ordered.sort(Comparator.comparing(ConferencingUser::userPrincipalName));
        for (ConferencingUser user : ordered) {
            count(licenses, licenseGroup.settle(user, isLicense && group.members().contains(user)));
        }
        return licenses;
    }

    private static void count(int[] licenses, int change) {
        if (change > 0) {
            licenses[0]++;
        } else if (change < 0) {
            licenses[1]++;
        }
    }

    private static String licenseText(int[] licenses) {
        return (licenses[0] > 0 ? "; license given to " + licenses[0] : "")
                + (licenses[1] > 0 ? "; license taken from " + licenses[1] : "");
    }

    private void requireFreeName(String displayName, String exceptId) {
        em.createNamedQuery(ScimGroup.BY_NAME, ScimGroup.class)
                .setParameter("name", displayName.toLowerCase(Locale.ROOT)).getResultStream()
                .filter(g -> !g.id().equals(exceptId)).findFirst().ifPresent(g -> {
                    throw ScimException.uniqueness("A group with displayName '" + g.displayName()
                            + "' exists already (id " + g.id() + ").");
                });
    }

    /** The users with these ids, or 400 naming the first id that is nobody's. */
    private Map<String, ConferencingUser> users(Set<String> ids) {
        Map<String, ConferencingUser> users = new LinkedHashMap<>();
        for (String id : ids.stream().sorted().toList()) {
            ConferencingUser user = id.matches("[0-9a-f-]{36}") ? em.find(ConferencingUser.class, id) : null;
            if (user == null) {
                throw ScimException.invalidValue("members: there is no user with id '"
                        + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'.");
            }
            users.put(id, user);
        }
        return users;
    }

    JsonObject json(ScimGroup group, URI base, boolean withMembers) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("schemas", ScimJson.strings(Scim.GROUP_SCHEMA))
                .add("id", group.id())
                .add("displayName", group.displayName());
        if (group.externalId() != null) {
            json.add("externalId", group.externalId());
        }
        if (withMembers) {
            var members = Json.createArrayBuilder();
            group.members().stream().sorted(Comparator.comparing(ConferencingUser::userPrincipalName)).forEach(u -> {
                JsonObjectBuilder member = Json.createObjectBuilder().add("value", u.id())
                        .add("display", u.displayName()).add("type", "User");
                URI location = Scim.location(base, "Users", u.id());
                if (location != null) {
                    member.add("$ref", location.toString());
                }
                members.add(member);
            });
            json.add("members", members);
        }
        json.add("meta", Scim.meta("Group", group.createdAt(), group.updatedAt(), group.version(),
                Scim.location(base, "Groups", group.id())));
        return json.build();
    }
}
