package org.confmail.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.confmail.platform.database.TrackedEntity;
import org.confmail.security.Roles;

/**
 * Someone who may use the portal or the API: a name, a password hash, roles, and whether the account may sign in at
 * all. Every change bumps the version, which is how remembered logins and portal sessions notice it.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.username")
@NamedQuery(name = Account.COUNT, query = "SELECT COUNT(a) FROM Account a")
@NamedQuery(name = Account.ENABLED, query = "SELECT a FROM Account a WHERE a.enabled = TRUE ORDER BY a.username")
public class Account extends TrackedEntity {

    public static final String ALL = "Account.all";
    public static final String COUNT = "Account.count";
    public static final String ENABLED = "Account.enabled";

    @Id
    @Column(name = "username")
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    /** Comma-separated, sorted. */
    @Column(name = "roles", nullable = false)
    private String roles;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;


    protected Account() {
    }

    public Account(String username, String passwordHash, Set<String> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", new TreeSet<>(roles));
        this.enabled = true;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<String> roles() {
        return new TreeSet<>(Arrays.asList(roles.split(",")));
    }

    public boolean enabled() {
        return enabled;
    }

    /** An enabled account holding the admin role: the kind there must always be one of. */
    public boolean isEnabledAdmin() {
        return enabled && roles().contains(Roles.ADMIN);
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        touch();
    }

    public void setRoles(Set<String> roles) {
        this.roles = String.join(",", new TreeSet<>(roles));
        touch();
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        touch();
    }

}
