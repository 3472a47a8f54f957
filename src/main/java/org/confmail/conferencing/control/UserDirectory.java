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
import java.util.TreeSet;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.Provider;
import org.confmail.platform.Page;
import org.confmail.platform.problem.ProblemException;

/** Finding users: by name, by search with paging and sorting, those with dial-in for bulk sends. */
@ApplicationScoped
@Transactional
public class UserDirectory {

    /** The default order. */
    static final String BY_UPN = "u.userPrincipalName ASC";
    /** API sort keys and the attribute each sorts by. */
    static final Map<String, String> SORTABLE = Map.of(
            "userPrincipalName", "u.userPrincipalName",
            "displayName", "u.displayName",
            "conferenceId", "u.conferenceId",
            "createdAt", "u.createdAt");

    @PersistenceContext
    EntityManager em;

    @Inject
    DialInInfoService dialInInfos;

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

    /** The user's dial-in information as their emails show it. */
    public DialInInfo dialInInfo(ConferencingUser user) {
        return dialInInfos.dialInInfo(user);
    }

    /**
     * Users whose UPN, display name or conference ID contains {@code search} in any case (on the column that joins
     * the three, {@code searchText}); sort like "displayName,desc".
     */
    public Page<ConferencingUser> list(String search, int page, int size, String sort) {
        return list(search, null, null, page, size, sort);
    }

    /** The same, also filtered by license (null: any) and provider (null: any). */
    public Page<ConferencingUser> list(String search, Boolean license, Provider provider, int page, int size,
            String sort) {
        List<String> conditions = new java.util.ArrayList<>();
        String term = search == null ? null : search.strip().toLowerCase(Locale.ROOT);
        String order = orderBy(sort);
        if (term != null && term.indexOf(ConferencingUser.SEARCH_SEPARATOR) >= 0) {
            // No UPN, name or conference ID holds a line break; on the joined column it could match across two.
            return new Page<>(List.of(), page, size, 0);
        }
        if (term != null && !term.isEmpty()) {
            conditions.add("u.searchText LIKE :term");
            if (order.equals(BY_UPN)) {
                // The same order (UPNs are unique) as H2's index ix_user_upn_search_text holds it, so that H2 tests
                // the term on that index's entries and reads only the matching rows (V13, db/vendor/h2).
                order = BY_UPN + ", u.searchText ASC";
            }
        }
        if (license != null) {
            conditions.add("u.audioConferencingLicense = :license");
        }
        if (provider != null) {
            conditions.add("u.provider = :provider");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
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

    /** The dial-in information of each of these users that still exists, by UPN: one query for a bulk send's batch. */
    public Map<String, DialInInfo> dialInInfos(java.util.Collection<String> upns) {
        Map<String, DialInInfo> infos = new java.util.HashMap<>();
        if (!upns.isEmpty()) {
            em.createNamedQuery(ConferencingUser.BY_UPNS, ConferencingUser.class)
                    .setParameter("upns", java.util.Set.copyOf(upns)).getResultList()
                    .forEach(u -> infos.put(u.userPrincipalName(), dialInInfos.dialInInfo(u)));
        }
        return infos;
    }

    /** How many users have dial-in through this service, for bulk sends. */
    public int countWithDialIn() {
        return em.createNamedQuery(ConferencingUser.COUNT_WITH_DIAL_IN, Long.class).getSingleResult().intValue();
    }

    /** The next {@code limit} users with dial-in whose UPN sorts after {@code after} (null: from the first). */
    public List<ConferencingUser> withDialInAfter(String after, int limit) {
        return em.createNamedQuery(ConferencingUser.WITH_DIAL_IN_AFTER, ConferencingUser.class)
                .setParameter("after", after == null ? "" : after).setMaxResults(limit).getResultList();
    }

    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return BY_UPN;
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

    /** 409 unless the user {@linkplain ConferencingUser#hasDialIn() has dial-in} through this service. */
    public static void requireDialIn(ConferencingUser user) {
        if (!user.hasDialIn()) {
            throw new ProblemException(409, "No dial-in", "User " + user.userPrincipalName()
                    + " has no audio conferencing with this service (it needs the license and provider SELF_HOSTED).",
                    List.of());
        }
    }

}
