package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounts, API tokens and the audit trail through the API, as an admin, a script and an auditor use them: accounts
 * with roles that hold at once (a disabled account, a new password, a changed role), never no enabled admin, tokens
 * that are shown once and then only listed, that expire and can be revoked, and an audit entry for every kind of
 * action, filtered and paged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Api admin;
    Accounts accounts;

    @BeforeEach
    void clients() {
        admin = new Api(base);
        accounts = new Accounts(base);
    }

    @Test
    void anAdminCreatesListsReadsAndChangesAnAccountWhoseRolesHoldAtOnce() {
        Accounts.Account helpdesk = accounts.create("helpdesk", "operator");
        Api.Reply read = admin.get("accounts/" + helpdesk.username());
        assertEquals(200, read.status(), read.body());
        assertEquals(List.of("operator"), strings(read.json(), "roles"));
        assertTrue(read.json().getBoolean("enabled"));
        assertFalse(read.body().toLowerCase().contains("password"), "no password or hash in " + read.body());
        String etag = read.header("ETag");
        assertNotNull(etag);

        Api.Reply page = admin.get("accounts?size=200");
        assertEquals(200, page.status());
        assertTrue(page.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(a -> a.getString("username").equals(helpdesk.username())), page.body());

        assertEquals(200, helpdesk.api().get("users?size=1").status(), "an operator reads");
        assertEquals(403, helpdesk.api().get("accounts").status(), "an operator does not manage accounts");

        Api.Reply changed = admin.call("PATCH", "accounts/" + helpdesk.username(), "{\"roles\": [\"auditor\"]}",
                "If-Match", etag);
        assertEquals(200, changed.status(), changed.body());
        assertEquals(List.of("auditor"), strings(changed.json(), "roles"));
        Api.Reply stale = admin.call("PATCH", "accounts/" + helpdesk.username(), "{\"roles\": [\"operator\"]}",
                "If-Match", etag);
        assertEquals(412, stale.status(), stale.body());

        // The remembered sign-in of two seconds ago does not keep the old role.
        Api.Reply send = helpdesk.api().post("users/nobody@contoso.com/pin-reset", null);
        assertEquals(403, send.status(), "an auditor changes nothing: " + send.body());
        assertEquals(200, helpdesk.api().get("emails?size=1").status(), "an auditor reads");
    }

    @Test
    void newAccountsAreCheckedAndNeverShowAPassword() {
        Api.Reply invalid = admin.post("accounts", "{\"username\": \"Bad Name!\", \"password\": \"elevenchars\","
                + " \"roles\": [\"root\"]}");
        assertEquals(400, invalid.status(), invalid.body());
        Set<String> fields = fields(invalid);
        assertEquals(Set.of("username", "password", "roles"), fields, invalid.body());
        assertTrue(invalid.body().contains("at least 12 characters"), invalid.body());

        Api.Reply noRoles = admin.post("accounts", "{\"username\": \"someone-x\", \"password\": \"long enough pass\","
                + " \"roles\": []}");
        assertEquals(Set.of("roles"), fields(noRoles), noRoles.body());
        Api.Reply wrongTypes = admin.post("accounts", "{\"username\": 7, \"password\": [\"long enough pass\"],"
                + " \"roles\": \"operator\", \"enabled\": \"yes\"}");
        assertEquals(Set.of("username", "password", "roles", "enabled"), fields(wrongTypes), wrongTypes.body());

        Accounts.Account first = accounts.create("twin", "auditor");
        Api.Reply twice = admin.post("accounts", "{\"username\": \"" + first.username()
                + "\", \"password\": \"another long password\", \"roles\": [\"auditor\"]}");
        assertEquals(409, twice.status(), twice.body());
        assertEquals(404, admin.get("accounts/no-such-account").status());
    }

    @Test
    void aDisabledAccountCannotSignInAndANewPasswordReplacesTheOld() {
        Accounts.Account ops = accounts.create("ops", "operator");
        assertEquals(200, ops.api().get("users?size=1").status());

        assertEquals(200, admin.patch("accounts/" + ops.username(), "{\"enabled\": false}").status());
        assertEquals(401, ops.api().get("users?size=1").status(), "disabled, though its sign-in was remembered");
        assertEquals(200, admin.patch("accounts/" + ops.username(), "{\"enabled\": true}").status());
        assertEquals(200, ops.api().get("users?size=1").status());

        Api.Reply tooShort = admin.post("accounts/" + ops.username() + "/password-reset", "{\"password\": \"short\"}");
        assertEquals(400, tooShort.status());
        assertEquals(Set.of("password"), fields(tooShort));
        String newPassword = "a brand new passphrase";
        Api.Reply reset = admin.post("accounts/" + ops.username() + "/password-reset",
                "{\"password\": \"" + newPassword + "\"}");
        assertEquals(204, reset.status(), reset.body());
        assertEquals(401, ops.api().get("users?size=1").status(), "the old password is gone");
        assertEquals(200, new Api(base, ops.username(), newPassword).get("users?size=1").status());
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedDisabledOrDeleted() {
        // Leave "admin" as the only enabled admin: disable the other admins earlier tests made.
        for (JsonValue item : admin.get("accounts?size=200").json().getJsonArray("items")) {
            JsonObject account = item.asJsonObject();
            if (!account.getString("username").equals("admin") && account.getBoolean("enabled")
                    && strings(account, "roles").contains("admin")) {
                assertEquals(200, admin.patch("accounts/" + account.getString("username"),
                        "{\"enabled\": false}").status());
            }
        }
        Api.Reply demote = admin.patch("accounts/admin", "{\"roles\": [\"operator\"]}");
        assertEquals(409, demote.status(), demote.body());
        assertTrue(demote.body().contains("last enabled admin"), demote.body());
        assertEquals(409, admin.patch("accounts/admin", "{\"enabled\": false}").status());
        assertEquals(409, admin.delete("accounts/admin").status());
        assertEquals(List.of("admin"), strings(admin.get("accounts/admin").json(), "roles"), "unchanged");

        // With a second enabled admin, either may go; that one goes.
        Accounts.Account second = accounts.create("second-admin", "admin");
        assertEquals(200, second.api().get("accounts/admin").status());
        assertEquals(200, admin.patch("accounts/" + second.username(), "{\"roles\": [\"auditor\"]}").status());
        assertEquals(204, admin.delete("accounts/" + second.username()).status());
        assertEquals(404, admin.get("accounts/" + second.username()).status());
        assertEquals(401, second.api().get("users?size=1").status(), "a deleted account cannot sign in");
    }

    @Test
    void aTokenIsShownOnceWorksAsBearerIsListedWithItsLastUseAndCanBeRevoked() {
        Accounts.Account system = accounts.create("ticketing", "operator", "auditor");
        Api.Reply issued = admin.post("accounts/" + system.username() + "/tokens", "{\"name\": \"ticketing system\"}");
        assertEquals(201, issued.status(), issued.body());
        String token = issued.json().getString("token");
        String id = issued.json().getString("id");
        assertTrue(token.startsWith("cmt_") && token.length() >= 40, token);
        Instant expires = Instant.parse(issued.json().getString("expiresAt"));
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofDays(89))), "90 days by default: " + expires);

        Api bearer = accounts.bearer(token);
        assertEquals(200, bearer.get("users?size=1").status());
        assertEquals(200, system.api().get("users?size=1").status(), "Basic keeps working");

        Api.Reply listed = admin.get("accounts/" + system.username() + "/tokens");
        assertEquals(200, listed.status());
        assertFalse(listed.body().contains(token), "the token is never shown again");
        JsonObject entry = listed.jsonValue().asJsonArray().getJsonObject(0);
        assertEquals(id, entry.getString("id"));
        assertEquals("ACTIVE", entry.getString("status"));
        assertEquals("admin", entry.getString("createdBy"));
        assertFalse(entry.isNull("lastUsedAt"), "its last use: " + entry);
        assertEquals("127.0.0.1", entry.getString("lastUsedFrom"));

        assertEquals(204, admin.delete("accounts/" + system.username() + "/tokens/" + id).status());
        Api.Reply refused = bearer.get("users?size=1");
        assertEquals(401, refused.status());
        assertTrue(refused.body().contains("revoked"), refused.body());
        JsonObject revoked = admin.get("accounts/" + system.username() + "/tokens").jsonValue().asJsonArray()
                .getJsonObject(0);
        assertEquals("REVOKED", revoked.getString("status"));
        assertEquals("admin", revoked.getString("revokedBy"));
        assertEquals(204, admin.delete("accounts/" + system.username() + "/tokens/" + id).status(), "idempotent");
        assertEquals(404, admin.delete("accounts/" + system.username() + "/tokens/00000000-0000-0000-0000-000000000000")
                .status());
    }

    @Test
    void aTokenExpiresCarriesANarrowerRoleAndDiesWithItsAccount() throws Exception {
        Accounts.Account owner = accounts.create("owner", "admin", "auditor");
        String[] shortLived = accounts.token(owner.username(), "short lived", null,
                Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        assertEquals(200, accounts.bearer(shortLived[1]).get("users?size=1").status());
        Thread.sleep(3500);
        Api.Reply expired = accounts.bearer(shortLived[1]).get("users?size=1");
        assertEquals(401, expired.status());
        assertTrue(expired.body().contains("expired"), expired.body());

        String[] readOnly = accounts.token(owner.username(), "reporting", "auditor", null);
        Api reporting = accounts.bearer(readOnly[1]);
        assertEquals(200, reporting.get("users?size=1").status());
        Api.Reply write = reporting.post("bridges", "{\"name\": \"never " + readOnly[0] + "\"}");
        assertEquals(403, write.status(), "narrowed to auditor: " + write.body());

        Api.Reply notHeld = admin.post("accounts/" + owner.username() + "/tokens",
                "{\"name\": \"x\", \"role\": \"operator\"}");
        assertEquals(Set.of("role"), fields(notHeld), notHeld.body());
        Api.Reply past = admin.post("accounts/" + owner.username() + "/tokens",
                "{\"name\": \"x\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}");
        assertEquals(Set.of("expiresAt"), fields(past), past.body());
        assertEquals(404, admin.post("accounts/nobody-here/tokens", "{\"name\": \"x\"}").status());
        assertEquals(401, accounts.bearer("cmt_not-a-real-token").get("users").status());

        assertEquals(204, admin.delete("accounts/" + owner.username()).status());
        assertEquals(401, reporting.get("users?size=1").status(), "the account's tokens went with it");
    }

    @Test
    void everyKindOfActionIsAuditedWithWhoWhatOnWhomWhenWhereAndOutcomeButNoSecret() {
        Instant start = Instant.now().minusSeconds(1);
        Scenario scenario = new Scenario(admin, SMTP).withBridge();
        String upn = scenario.createUser("audited", "\"country\": \"US\"").getString("userPrincipalName");
        Accounts.Account operator = accounts.create("auditop", "operator");
        assertEquals(200, operator.api().get("users?size=1").status());
        String[] token = accounts.token(operator.username(), "audit script", null, null);
        Api script = accounts.bearer(token[1]);

        assertEquals(200, admin.patch("users/" + upn, "{\"displayName\": \"Audited Person\"}").status());
        Api.Reply pin = script.post("users/" + upn + "/pin-reset", null);
        assertEquals(200, pin.status(), pin.body());
        String newPin = pin.json().getString("pin");
        assertEquals(200, script.post("users/" + upn + "/conference-id-reset", null).status());
        assertEquals(202, script.post("users/" + upn + "/conference-info-email",
                "{\"toAddress\": \"assistant@contoso.com\"}").status());
        assertEquals(403, script.patch("users/" + upn, "{\"email\": \"elsewhere@example.org\"}").status());
        assertEquals(201, script.post("users/" + upn + "/meetings", "{\"subject\": \"Weekly\"}").status());
        Api.Reply bulk = script.post("bulk/conference-info-emails", "{\"userPrincipalNames\": [\"" + upn + "\"]}");
        assertEquals(202, bulk.status(), bulk.body());
        String jobId = bulk.json().getString("jobId");
        assertTrue(Api.eventually(Duration.ofSeconds(30), () -> admin.get("bulk/" + jobId).json().getBoolean("done")));
        assertEquals(401, new Api(base, operator.username(), "wrong password!!").get("users").status());
        assertEquals(204, admin.post("accounts/" + operator.username() + "/password-reset",
                "{\"password\": \"changed password 1\"}").status());
        assertEquals(200, admin.patch("accounts/" + operator.username(), "{\"roles\": [\"operator\", \"auditor\"]}")
                .status());
        assertEquals(204, admin.delete("accounts/" + operator.username() + "/tokens/" + token[0]).status());
        assertEquals(401, script.get("users").status());
        assertEquals(204, admin.delete("users/" + upn).status());

        Accounts.Account auditor = accounts.create("reader", "auditor");
        assertEquals(403, auditor.api().post("bridges", "{\"name\": \"not for auditors\"}").status());
        List<JsonObject> trail = entries(auditor.api(), "from=" + start + "&size=200");
        String[][] expected = {
            {"bridge.create", "admin", null, null, "SUCCESS"},
            {"number.add", "admin", null, scenario.bridgeId, "SUCCESS"},
            {"user.create", "admin", null, upn, "SUCCESS"},
            {"account.create", "admin", null, operator.username(), "SUCCESS"},
            {"token.create", "admin", null, operator.username(), "SUCCESS"},
            {"user.update", "admin", null, upn, "SUCCESS"},
            {"user.pin-reset", operator.username(), "audit script", upn, "SUCCESS"},
            {"user.conference-id-reset", operator.username(), "audit script", upn, "SUCCESS"},
            {"email.send", operator.username(), "audit script", upn, "SUCCESS"},
            {"user.update", operator.username(), "audit script", upn, "DENIED"},
            {"meeting.schedule", operator.username(), "audit script", upn, "SUCCESS"},
            {"bulk.start", operator.username(), "audit script", jobId, "SUCCESS"},
            {"login.failure", operator.username(), null, operator.username(), "DENIED"},
            {"account.password-reset", "admin", null, operator.username(), "SUCCESS"},
            {"account.update", "admin", null, operator.username(), "SUCCESS"},
            {"token.revoke", "admin", null, operator.username(), "SUCCESS"},
            {"login.failure", operator.username(), "audit script", operator.username(), "DENIED"},
            {"user.delete", "admin", null, upn, "SUCCESS"},
            {"login.success", operator.username(), null, operator.username(), "SUCCESS"},
            {"api.denied", auditor.username(), null, "/bridges", "DENIED"},
        };
        for (String[] e : expected) {
            assertTrue(trail.stream().anyMatch(t -> t.getString("action").equals(e[0])
                    && t.getString("actor").equals(e[1])
                    && (e[2] == null ? t.isNull("actorToken") : e[2].equals(t.getString("actorToken", null)))
                    && (e[3] == null || e[3].equals(t.getString("target", null)))
                    && t.getString("outcome").equals(e[4])
                    && "127.0.0.1".equals(t.getString("clientAddress", null))
                    && Instant.parse(t.getString("occurredAt")).isAfter(start)),
                    () -> "an entry " + String.join(" ", java.util.Arrays.stream(e).map(String::valueOf).toList())
                            + " in " + trail.stream().map(t -> t.getString("action") + "/" + t.getString("actor")
                            + "/" + t.getString("actorToken", "-") + "/" + t.getString("target", "-") + "/"
                            + t.getString("outcome")).toList());
        }
        JsonObject send = trail.stream().filter(t -> t.getString("action").equals("email.send")
                && upn.equals(t.getString("target", null))).findFirst().orElseThrow();
        assertTrue(send.getString("detail").contains("assistant@contoso.com"), "where it went: " + send);
        for (JsonObject entry : trail) {
            String text = entry.toString();
            assertFalse(text.matches("(?s).*\\b" + newPin + "\\b.*"), "no PIN in " + text);
            assertFalse(text.contains(operator.password()) || text.contains("changed password 1")
                    || text.contains(token[1]) || text.contains(Api.ADMIN_PASSWORD), "no secret in " + text);
        }
    }

    @Test
    void theAuditTrailFiltersByActorTargetActionAndTimeAndPages() {
        Instant start = Instant.now().minusSeconds(1);
        Accounts.Account filtered = accounts.create("filtered", "operator");
        for (String roles : List.of("\"auditor\"", "\"operator\", \"auditor\"", "\"operator\"")) {
            assertEquals(200, admin.patch("accounts/" + filtered.username(), "{\"roles\": [" + roles + "]}").status());
        }
        Instant end = Instant.now().plusSeconds(1);
        String query = "target=" + filtered.username() + "&from=" + start + "&to=" + end;
        List<JsonObject> all = entries(admin, query + "&size=200");
        assertEquals(4, all.size(), all.toString());
        assertEquals("account.create", all.get(3).getString("action"), "newest first");
        assertEquals(3, entries(admin, query + "&action=account.update").size());
        assertEquals(4, entries(admin, query + "&action=account").size(), "a prefix matches the actions under it");
        assertEquals(0, entries(admin, query + "&action=acc").size(), "not a partial word");
        assertEquals(4, entries(admin, query + "&actor=admin").size());
        assertEquals(0, entries(admin, query + "&actor=" + filtered.username()).size());
        assertEquals(0, entries(admin, "target=" + filtered.username() + "&to=" + start).size());

        Api.Reply first = admin.get("audit?" + query + "&size=3&page=0");
        Api.Reply second = admin.get("audit?" + query + "&size=3&page=1");
        assertEquals(4, first.json().getInt("total"));
        assertEquals(3, first.json().getJsonArray("items").size());
        assertEquals(1, second.json().getJsonArray("items").size());
        assertEquals(all.get(3).getString("id"), second.json().getJsonArray("items").getJsonObject(0).getString("id"));

        Api.Reply badTime = admin.get("audit?from=yesterday");
        assertEquals(400, badTime.status());
        assertEquals(Set.of("from"), fields(badTime));
        assertEquals(Set.of("to"), fields(admin.get("audit?from=" + end + "&to=" + start)));
        assertEquals(403, filtered.api().get("audit").status(), "operators do not read the audit trail");
    }

    private static List<JsonObject> entries(Api api, String query) {
        Api.Reply reply = api.get("audit?" + query);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).collect(Collectors.toList());
    }

    static List<String> strings(JsonObject json, String field) {
        return json.getJsonArray(field).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    static Set<String> fields(Api.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        return reply.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
