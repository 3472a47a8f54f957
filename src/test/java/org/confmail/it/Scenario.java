package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Builds what a system test needs through the API (a bridge with numbers, users) and reads what happened: the
 * outbox rows through the API and the messages the real SMTP server received.
 */
public final class Scenario {

    /**
     * The last four digits of the next scenario's numbers. Numbers are unique in a deployment and a test run creates
     * dozens of scenarios: drawn at random, two of them sometimes got the same one; taken in turn, none do.
     */
    private static final AtomicInteger NEXT_LINE = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));

    public final Api api;
    private final GreenMailExtension smtp;
    public final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public String bridgeId;
    public final String usToll;
    public final String frToll;
    public final String frTollFree;

    public Scenario(Api api, GreenMailExtension smtp) {
        this.api = api;
        this.smtp = smtp;
        int n = NEXT_LINE.getAndIncrement() % 10_000;
        usToll = "+1425555" + String.format("%04d", n);
        frToll = "+3315555" + String.format("%04d", n);
        frTollFree = "+3380555" + String.format("%04d", n);
    }

    /** A bridge with a US toll number (its default) and French toll and toll-free numbers. */
    public Scenario withBridge() {
        Api.Reply bridge = api.post("bridges", "{\"name\": \"Bridge " + suffix + "\"}");
        assertEquals(201, bridge.status(), bridge.body());
        bridgeId = bridge.json().getString("id");
        addNumber(usToll, "TOLL", "US", "Seattle");
        addNumber(frToll, "TOLL", "FR", "Paris");
        addNumber(frTollFree, "TOLL_FREE", "FR", null);
        return this;
    }

    public String addNumber(String e164, String type, String country, String city) {
        Api.Reply number = api.post("bridges/" + bridgeId + "/service-numbers", "{\"number\": \"" + e164
                + "\", \"type\": \"" + type + "\", \"country\": \"" + country + "\""
                + (city == null ? "" : ", \"city\": \"" + city + "\"") + "}");
        assertEquals(201, number.status(), number.body());
        return number.json().getString("id");
    }

    /** Creates a user on this scenario's bridge; {@code extraJson} adds fields, e.g. "\"country\": \"FR\"". */
    public JsonObject createUser(String name, String extraJson) {
        String upn = name + "." + suffix + "@contoso.com";
        Api.Reply user = api.post("users", "{\"userPrincipalName\": \"" + upn + "\", \"displayName\": \"" + name
                + "\", \"bridgeId\": \"" + bridgeId + "\"" + (extraJson == null ? "" : ", " + extraJson) + "}");
        assertEquals(201, user.status(), user.body());
        return user.json();
    }

    /** The outbox rows of this kind for the user. */
    public List<JsonObject> emails(String upn, String kind) {
        Api.Reply reply = api.get("emails?user=" + upn + (kind == null ? "" : "&kind=" + kind) + "&size=200");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).collect(Collectors.toList());
    }

    /** Waits until the user has exactly {@code count} emails of the kind, all SENT, and returns them. */
    public List<JsonObject> awaitSent(String upn, String kind, int count) {
        boolean settled = Api.eventually(Duration.ofSeconds(30), () -> {
            List<JsonObject> rows = emails(upn, kind);
            return rows.size() >= count && rows.stream().allMatch(r -> r.getString("status").equals("SENT"));
        });
        List<JsonObject> rows = emails(upn, kind);
        assertTrue(settled, () -> "expected " + count + " SENT " + kind + " emails for " + upn + ": " + rows);
        assertEquals(count, rows.size(), () -> "emails of kind " + kind + ": " + rows);
        return rows;
    }

    /** Gives the pipeline time to do something it should not, then says how many emails the user has. */
    public int emailCountAfterAWhile(String upn) {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return emails(upn, null).size();
    }

    /** The messages the SMTP server received for this address. */
    public List<MimeMessage> received(String address) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (var recipient : m.getAllRecipients()) {
                if (recipient.toString().contains(address)) {
                    messages.add(m);
                }
            }
        }
        return messages;
    }

    /** The one received message with this outbox row's Message-ID. */
    public MimeMessage receivedFor(JsonObject email) throws MessagingException {
        List<MimeMessage> matches = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (email.getString("messageId").equals(m.getMessageID())) {
                matches.add(m);
            }
        }
        assertEquals(1, matches.size(), "messages with Message-ID " + email.getString("messageId"));
        return matches.get(0);
    }
}
