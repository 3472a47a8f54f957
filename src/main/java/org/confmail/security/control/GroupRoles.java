package org.confmail.security.control;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.confmail.security.Roles;

/**
 * Turns the groups an identity provider says a person is in into confmail's roles. Group names are compared without
 * a leading {@code /} (Keycloak writes full group paths, {@code /confmail-admins}, unless its mapper is told not to)
 * and without regard to case (Entra ID's group object IDs are GUIDs, written in either case).
 */
public final class GroupRoles {

    private GroupRoles() {
    }

    /** The roles, most powerful first, whose configured groups share a member with {@code groups}. */
    public static Set<String> roles(Collection<String> groups, Map<String, List<String>> roleGroups) {
        Set<String> held = new LinkedHashSet<>();
        Set<String> normalized = new LinkedHashSet<>();
        groups.forEach(group -> normalized.add(normalized(group)));
        for (String role : Roles.ALL) {
            if (roleGroups.getOrDefault(role, List.of()).stream().map(GroupRoles::normalized)
                    .anyMatch(normalized::contains)) {
                held.add(role);
            }
        }
        return held;
    }

    static String normalized(String group) {
        String g = group == null ? "" : group.strip();
        while (g.startsWith("/")) {
            g = g.substring(1);
        }
        return g.toLowerCase(Locale.ROOT);
    }
}
