package org.confmail.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.confmail.platform.crypto.SecretBox;
import org.confmail.platform.problem.ProblemException;

/**
 * {@code Idempotency-Key} for the POSTs that send mail. The first request with a key runs, and its answer (status,
 * body, Location) is stored in the same transaction as the emails it queued. A later request from the same account
 * with the same key, within 24 hours, gets that answer again (with {@code Idempotent-Replayed: true}) and sends
 * nothing; with another method, path or body it gets 422. Two concurrent requests with one key cannot both send:
 * the table's primary key fails the second transaction, which rolls back with its emails, and it then answers with
 * the first one's answer (or 409 while the first is still running).
 *
 * <p>A secret is shown once: what is stored and replayed is the answer's {@link Answer#replayEntity()}, which
 * leaves it out (a replayed PIN reset answers the same email id and no PIN, and resets nothing again). The stored
 * body is still sealed with {@link SecretBox}, so that the table shows no answer to whoever reads the database, and
 * deleted after 24 hours. Errors are not stored: a request that failed may be sent again with the same key.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    /**
     * The first answer to a request: what the resource would return without a key. {@code replayEntity} is what a
     * repeat of the request gets instead, when the first answer held a secret that is shown only once (a PIN).
     */
    public record Answer(int status, Object entity, URI location, Object replayEntity) {

        public Answer(int status, Object entity, URI location) {
            this(status, entity, location, entity);
        }

        Response toResponse() {
            Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(entity);
            return location == null ? builder.build() : builder.location(location).build();
        }
    }

    /** Where the request went, for telling one request from another. */
    public record Request(String account, String method, String path, String body) {
    }

    /** The request as the API saw it: the caller's account, the path below /api/v1 and the body. */
    public static Request request(jakarta.ws.rs.core.SecurityContext security, jakarta.ws.rs.core.UriInfo uriInfo,
            String body) {
        return new Request(security.getUserPrincipal().getName(), "POST", uriInfo.getPath(), body);
    }

    @Inject
    IdempotencyStore store;

    @Inject
    SecretBox secrets;

    @Inject
    Idempotency self;

    /**
     * Runs {@code action} once per key: with no key, simply runs it. {@code action} must do all its work in the
     * caller's transaction (the services' {@code @Transactional} methods join it).
     */
    public Response handle(String key, Request request, Supplier<Answer> action) {
        if (key == null) {
            return action.get().toResponse();
        }
        String checkedKey = checked(key);
        String hash = fingerprint(request);
        try {
            return self.firstOrReplay(checkedKey, request, hash, action);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!isKeyCollision(e)) {
                throw e;
            }
            // A concurrent request with this key got there first.
            Optional<IdempotencyStore.Stored> first = store.findCommitted(request.account(), checkedKey);
            if (first.isPresent()) {
                return replay(first.get(), request, hash);
            }
            throw new ProblemException(409, "Request in progress", "Another request with this Idempotency-Key is"
                    + " being processed; send it again in a moment to get its answer.", List.of());
        }
    }

    @Transactional
    public Response firstOrReplay(String key, Request request, String hash, Supplier<Answer> action) {
        Optional<IdempotencyStore.Stored> stored = store.find(request.account(), key);
        if (stored.isPresent()) {
            if (!stored.get().expired(Instant.now())) {
                return replay(stored.get(), request, hash);
            }
            store.forget(request.account(), key);
        }
        Answer answer = action.get();
        String body = answer.replayEntity() == null ? null : JSON.toJson(answer.replayEntity());
        store.remember(request.account(), key, request.method(), request.path(), hash, answer.status(),
                answer.location() == null ? null : answer.location().toString(), secrets.seal(body));
        return answer.toResponse();
    }

    private Response replay(IdempotencyStore.Stored stored, Request request, String hash) {
        if (!stored.requestHash().equals(hash)) {
            boolean samePath = stored.method().equals(request.method()) && stored.path().equals(request.path());
            throw new ProblemException(422, "Idempotency-Key reused", "This Idempotency-Key was first used for "
                    + stored.method() + " /" + stored.path() + (samePath ? " with another body" : "")
                    + "; a different request needs a new key.", List.of());
        }
        String body;
        try {
            body = secrets.open(stored.sealedBody());
        } catch (IllegalStateException e) {
            throw new ProblemException(409, "Answer unavailable", "This request was already processed, but its"
                    + " answer cannot be read back (the secret key changed); look the result up instead.", List.of());
        }
        Response.ResponseBuilder builder = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (body != null) {
            builder.type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        }
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        return builder.build();
    }

    static String checked(String key) {
        String k = key.strip();
        if (k.isEmpty() || k.length() > 255 || !k.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 printable ASCII characters, e.g. a UUID");
        }
        return k;
    }

    /** SHA-256 of method, path and body (as JSON, so that whitespace does not matter). */
    static String fingerprint(Request request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(canonical(request.body()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String canonical(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue().toString();
        } catch (JsonException e) {
            return body.strip();
        }
    }

    /** A unique-key violation (SQLState 23xxx) or a lock timeout on the key's row. */
    static boolean isKeyCollision(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.startsWith("23") || state.equals("HYT00") || state.equals("40001"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
