package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Accounts and API tokens for system tests, made through the API as an admin would. */
public final class Accounts {

    /** An account a test made: its name and password, and clients that sign in as it. */
    public record Account(String username, String password, URL base) {
        public Api api() {
            return new Api(base, username, password);
        }
    }

    private final Api admin;
    private final URL base;

    public Accounts(URL base) {
        this.base = base;
        this.admin = new Api(base);
    }

    /** A new enabled account with these roles and a unique name starting with {@code prefix}. */
    public Account create(String prefix, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        Api.Reply created = admin.post("accounts", "{\"username\": \"" + username + "\", \"password\": \"" + password
                + "\", \"roles\": [" + Arrays.stream(roles).map(r -> "\"" + r + "\"").collect(Collectors.joining(", "))
                + "]}");
        assertEquals(201, created.status(), created.body());
        return new Account(username, password, base);
    }

    /** A new API token of the account: its id and the token. */
    public String[] token(String username, String name, String role, Instant expiresAt) {
        Api.Reply issued = admin.post("accounts/" + username + "/tokens", "{\"name\": \"" + name + "\""
                + (role == null ? "" : ", \"role\": \"" + role + "\"")
                + (expiresAt == null ? "" : ", \"expiresAt\": \"" + expiresAt + "\"") + "}");
        assertEquals(201, issued.status(), issued.body());
        return new String[] {issued.json().getString("id"), issued.json().getString("token")};
    }

    public Api bearer(String token) {
        return Api.bearer(base, token);
    }
}
