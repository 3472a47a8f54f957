package org.confmail.security.boundary;

import java.time.Instant;
import java.util.List;
import org.confmail.security.entity.Account;

/** An account as the API shows it: never its password or its hash. */
public record AccountView(String username, List<String> roles, boolean enabled, Instant createdAt,
        Instant updatedAt) implements java.io.Serializable {

    public static AccountView of(Account a) {
        return new AccountView(a.username(), List.copyOf(a.roles()), a.enabled(), a.createdAt(), a.updatedAt());
    }
}
