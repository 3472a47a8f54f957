package org.confmail.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.confmail.audit.control.AuditTrail;
import org.confmail.platform.Page;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.security.entity.Account;

/**
 * Accounts, for admins only: create with roles, list, read, change roles, disable and enable, reset the password,
 * delete. One rule holds across all of them: there is always at least one enabled admin, so nobody can lock
 * everyone out (the accounts that are enabled admins are locked while such a change is decided, so two concurrent
 * demotions cannot both pass).
 */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Lower-case letters, digits and {@code . _ @ -}, starting and ending with a letter or digit. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9](?:[a-z0-9._@-]{0,98}[a-z0-9])?");
    /** Names the audit trail uses for callers that are not accounts. */
    static final Set<String> RESERVED = Set.of(Caller.SYSTEM, "anonymous");

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    AuditTrail audit;

    @Guarded(roles = Roles.ADMIN, action = "account.create")
    public Account create(String username, String password, List<String> roles, Boolean enabled) {
        String name = AccountIdentityStore.normalized(username);
        audit.target(name);
        Violations violations = new Violations()
                .check(USERNAME.matcher(name).matches(), "username", "must be 1 to 100 lower-case letters, digits"
                        + " and . _ @ -, starting and ending with a letter or digit")
                .check(!RESERVED.contains(name), "username", "is reserved");
        String passwordProblem = PasswordHashing.problemWith(password, name);
        violations.check(passwordProblem == null, "password", passwordProblem);
        Set<String> checkedRoles = checkedRoles(roles, violations);
        violations.throwIfAny();
        if (em.find(Account.class, name) != null) {
            throw ProblemException.conflict("username", "an account " + name + " already exists");
        }
        Account account = new Account(name, passwords.hash(password), checkedRoles);
        if (Boolean.FALSE.equals(enabled)) {
            account.setEnabled(false);
        }
        em.persist(account);
        audit.detail("roles " + checkedRoles + (account.enabled() ? "" : ", disabled"));
        return account;
    }

    @Guarded(roles = Roles.ADMIN)
    public Page<Account> list(int page, int size) {
        List<Account> items = em.createNamedQuery(Account.ALL, Account.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(Account.COUNT, Long.class).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    @Guarded(roles = Roles.ADMIN)
    public Account find(String username) {
        Account account = username == null ? null : em.find(Account.class, AccountIdentityStore.normalized(username));
        if (account == null) {
            throw ProblemException.notFound("There is no account '" + username + "'.");
        }
        return account;
    }

    /** Changes roles and/or enabled (null: unchanged); never leaves no enabled admin. */
    @Guarded(roles = Roles.ADMIN, action = "account.update")
    public Account update(String username, List<String> roles, Boolean enabled, Long expectedVersion) {
        Account account = find(username);
        if (expectedVersion != null && expectedVersion != account.version()) {
            throw new ProblemException(412, "Precondition failed", "Account " + account.username()
                    + " was changed by someone else since you read it; read it again.", List.of());
        }
        Violations violations = new Violations();
        Set<String> newRoles = roles == null ? account.roles() : checkedRoles(roles, violations);
        violations.throwIfAny();
        boolean newEnabled = enabled == null ? account.enabled() : enabled;
        if (account.isEnabledAdmin() && !(newEnabled && newRoles.contains(Roles.ADMIN))) {
            requireAnotherEnabledAdmin(account);
        }
        List<String> changed = new ArrayList<>();
        if (!newRoles.equals(account.roles())) {
            changed.add("roles " + account.roles() + " -> " + newRoles);
            account.setRoles(newRoles);
        }
        if (newEnabled != account.enabled()) {
            changed.add(newEnabled ? "enabled" : "disabled");
            account.setEnabled(newEnabled);
        }
        audit.detail(changed.isEmpty() ? "no change" : String.join(", ", changed));
        return account;
    }

    @Guarded(roles = Roles.ADMIN, action = "account.password-reset")
    public Account resetPassword(String username, String password) {
        Account account = find(username);
        String problem = PasswordHashing.problemWith(password, account.username());
        new Violations().check(problem == null, "password", problem).throwIfAny();
        account.setPasswordHash(passwords.hash(password));
        return account;
    }

    @Guarded(roles = Roles.ADMIN, action = "account.delete")
    public void delete(String username) {
        Account account = find(username);
        if (account.isEnabledAdmin()) {
            requireAnotherEnabledAdmin(account);
        }
        em.remove(account);
    }

    /** Today's hash of a password that was just verified against an older one; answers the new version. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long upgradeHash(String username, String newHash) {
        Account account = em.find(Account.class, username);
        account.setPasswordHash(newHash);
        em.flush();
        return account.version();
    }

    private void requireAnotherEnabledAdmin(Account account) {
        boolean another = em.createNamedQuery(Account.ENABLED, Account.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream()
                .anyMatch(a -> !a.username().equals(account.username()) && a.isEnabledAdmin());
        if (!another) {
            throw new ProblemException(409, "Last admin", "Account " + account.username() + " is the last enabled"
                    + " admin: give another account the admin role (or enable one) first.", List.of());
        }
    }

    private static Set<String> checkedRoles(List<String> roles, Violations violations) {
        Set<String> checked = new TreeSet<>();
        if (roles == null || roles.isEmpty()) {
            violations.add("roles", "must name at least one of " + Roles.ALL);
            return checked;
        }
        for (String role : roles) {
            if (role != null && Roles.ALL.contains(role)) {
                checked.add(role);
            } else {
                violations.add("roles", "must each be one of " + Roles.ALL);
                break;
            }
        }
        return checked;
    }
}
