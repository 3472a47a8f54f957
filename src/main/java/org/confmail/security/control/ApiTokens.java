package org.confmail.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.confmail.audit.control.AuditTrail;
import org.confmail.platform.crypto.SecretBox;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Standards;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.security.entity.Account;
import org.confmail.security.entity.ApiToken;

/**
 * API tokens: an admin creates one for an account, it is shown once, and afterwards it only exists as a keyed hash.
 *
 * <p>A token is 256 random bits, so it cannot be guessed and a slow password hash would protect nothing: an
 * attacker with the stored hash still faces 2^256 candidates. A slow hash would only cost every API call a third of
 * a second and make a flood of bearer headers as expensive as a flood of passwords. So the stored form is HMAC-SHA-256
 * keyed with a key derived from {@code CONFMAIL_SECRET_KEY}: a lookup by hash is one indexed query, and a stolen
 * database alone does not even let anyone test a candidate token. Changing the secret key invalidates every token.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    public static final String PREFIX = "cmt_";
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    public static final Duration MAX_LIFETIME = Duration.ofDays(730);
    public static final int MAX_NAME_LENGTH = 100;
    /** Last use is written at most this often per token: not a database write on every call. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    /** A new token: the stored record and the token itself, which nobody can see again. */
    public record Issued(ApiToken token, String secret) {
    }

    /** What a bearer token turned out to be; {@code identity} only when valid. */
    public record Check(ApiToken.Status status, ApiToken token, Set<String> roles) {
        public boolean valid() {
            return status == ApiToken.Status.ACTIVE && roles != null;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    private final SecureRandom random = new SecureRandom();
    private byte[] hashKey;

    @PostConstruct
    void deriveKey() {
        hashKey = secrets.derivedKey("confmail api tokens v1");
    }

    @Guarded(roles = Roles.ADMIN, action = "token.create")
    public Issued create(String username, String name, Instant expiresAt, String role) {
        Account account = account(username);
        String cleanName = name == null ? null : name.strip();
        Instant now = Instant.now();
        Instant expiry = expiresAt == null ? now.plus(DEFAULT_LIFETIME) : expiresAt;
        new Violations()
                .check(cleanName != null && !cleanName.isEmpty(), "name", "is required")
                .check(cleanName == null || cleanName.length() <= MAX_NAME_LENGTH, "name",
                        "must have at most " + MAX_NAME_LENGTH + " characters")
                .check(!Standards.hasControlCharacters(cleanName), "name", Standards.NO_CONTROL_CHARACTERS)
                .check(expiry.isAfter(now), "expiresAt", "must be in the future")
                .check(!expiry.isAfter(now.plus(MAX_LIFETIME)), "expiresAt", "must be at most "
                        + MAX_LIFETIME.toDays() + " days ahead")
                .check(role == null || account.roles().contains(role), "role", "must be one of the account's roles "
                        + account.roles() + ", or absent for all of them")
                .throwIfAny();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(account.username(), cleanName, hash(secret), role, caller.name(), expiry);
        em.persist(token);
        audit.detail("token " + cleanName + (role == null ? "" : ", role " + role) + ", expires " + expiry);
        return new Issued(token, secret);
    }

    @Guarded(roles = Roles.ADMIN)
    public List<ApiToken> list(String username) {
        account(username);
        return em.createNamedQuery(ApiToken.OF_ACCOUNT, ApiToken.class).setParameter("username",
                AccountIdentityStore.normalized(username)).getResultList();
    }

    @Guarded(roles = Roles.ADMIN, action = "token.revoke")
    public ApiToken revoke(String username, String id) {
        account(username);
        ApiToken token = id == null || !id.matches("[0-9a-f-]{36}") ? null : em.find(ApiToken.class, id);
        if (token == null || !token.username().equals(AccountIdentityStore.normalized(username))) {
            throw ProblemException.notFound("Account " + username + " has no API token with id '" + id + "'.");
        }
        audit.detail("token " + token.name());
        if (token.revokedAt() == null) {
            token.revoke(caller.name());
        }
        return token;
    }

    /**
     * Checks a bearer token and notes its use. Valid: the token's roles, that is its account's, or the narrower role
     * it was given if the account still holds it. A token of a disabled or deleted account is not valid.
     */
    public Check check(String secret, String address) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return new Check(null, null, null);
        }
        List<ApiToken> found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", hash(secret)).getResultList();
        if (found.isEmpty()) {
            return new Check(null, null, null);
        }
        ApiToken token = found.get(0);
        Instant now = Instant.now();
        ApiToken.Status status = token.status(now);
        Account account = em.find(Account.class, token.username());
        if (status != ApiToken.Status.ACTIVE || account == null || !account.enabled()) {
            return new Check(status == ApiToken.Status.ACTIVE ? null : status, token, null);
        }
        Set<String> roles = token.role() == null ? account.roles()
                : account.roles().contains(token.role()) ? Set.of(token.role()) : Set.of();
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
            // A conditional UPDATE, not a change of the entity: concurrent requests with one token (hundreds a
            // second from one system) would otherwise collide on the row's version, and all but one fail with 500.
            // Whichever gets there first records the use; the others change nothing.
            em.createQuery("UPDATE ApiToken t SET t.lastUsedAt = :now, t.lastUsedFrom = :from WHERE t.id = :id"
                            + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :since)")
                    .setParameter("now", now).setParameter("from", address).setParameter("id", token.id())
                    .setParameter("since", now.minus(LAST_USE_PRECISION)).executeUpdate();
        }
        return new Check(status, token, roles);
    }

    private Account account(String username) {
        Account account = username == null ? null
                : em.find(Account.class, AccountIdentityStore.normalized(username));
        if (account == null) {
            throw ProblemException.notFound("There is no account '" + username + "'.");
        }
        return account;
    }

    String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
