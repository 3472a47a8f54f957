package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.confmail.platform.ConfmailApplication;
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
 * The role matrix, from one table: every operation of the API (and the endpoints beside it) and every action of
 * the portal, against every kind of caller (admin, operator, auditor, an expired token, a revoked token, no
 * credentials), with the answer each must get. A table that misses an operation fails: the resource methods (by
 * reflection) and {@code /openapi} must list exactly the table's operations, and the portal beans' actions exactly
 * the portal table's.
 *
 * <p>The portal half posts each action the way a forged request would: the test deployment adds pages (under
 * {@code src/test/resources/forge}) that offer every action of the portal with none of the real pages' role guards,
 * so a refusal can only come from the backing beans and the services. The real pages' hiding is checked too: each
 * role sees exactly the buttons the table allows it.
 *
 * <p>Every cell uses a fixture made for its row by an admin; the callers run from the least to the most privileged,
 * so the one that succeeds in deleting or changing the fixture runs last. The matrix is printed to
 * {@code target/role-matrix.md}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleMatrixIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

    static final List<String> FORGE_PAGES = List.of("forge-user", "forge-lists", "forge-accounts", "forge-audit",
            "forge-imports");

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.builtWar();
        for (String page : FORGE_PAGES) {
            war.addAsWebResource(RoleMatrixIT.class.getResource("/forge/" + page + ".xhtml"),
                    "admin/" + page + ".xhtml");
        }
        return war;
    }

    /**
     * The callers, in the order each row runs them: least privileged first, the admin last; then the provisioner (an
     * API token of a provisioner account), which only SCIM lets in, so it is the one that changes SCIM's fixtures.
     */
    enum Who { NONE, REVOKED_TOKEN, EXPIRED_TOKEN, AUDITOR, OPERATOR, ADMIN, PROVISIONER }

    /** The matrix's columns as the table reads: admin first. */
    static final List<Who> COLUMNS = List.of(Who.ADMIN, Who.OPERATOR, Who.AUDITOR, Who.PROVISIONER,
            Who.EXPIRED_TOKEN, Who.REVOKED_TOKEN, Who.NONE);

    /** A request of an API row, made once per row from that row's fixture. {@code text}: no JSON Accept header. */
    record Request(String method, String path, String body, boolean text, String contentType) {
        static Request get(String path) {
            return new Request("GET", path, null, false, null);
        }

        static Request json(String method, String path, String body) {
            return new Request(method, path, body, false, null);
        }

        static Request csv(String path, String body) {
            return new Request("POST", path, body, false, "text/csv");
        }

        static Request endpoint(String path) {
            return new Request("GET", path, null, true, null);
        }
    }

    /** One row of the API table: an operation (METHOD /path as /openapi names it), a variant, and six statuses. */
    record ApiRow(String operation, String variant, Function<Fixtures, Request> request, int admin, int operator,
            int auditor, int expired, int revoked, int none, int provisioner) {

        int expected(Who who) {
            return switch (who) {
                case ADMIN -> admin;
                case OPERATOR -> operator;
                case AUDITOR -> auditor;
                case EXPIRED_TOKEN -> expired;
                case REVOKED_TOKEN -> revoked;
                case NONE -> none;
                case PROVISIONER -> provisioner;
            };
        }

        /** Payara's endpoints in the application: not JAX-RS operations of confmail's own. */
        boolean endpoint() {
            return Stream.of("/health", "/metrics", "/openapi").anyMatch(p -> operation.split(" ")[1].startsWith(p));
        }
    }

    static ApiRow api(String operation, String variant, Function<Fixtures, Request> request, int admin, int operator,
            int auditor) {
        return new ApiRow(operation, variant, request, admin, operator, auditor, 401, 401, 401, 403);
    }

    /**
     * A SCIM operation: only the provisioner's token gets in. The others sign in with a password (SCIM takes a Bearer
     * token only: 401) or hold a bad token (401); ScimIT shows an admin's valid token refused with 403.
     */
    static ApiRow scim(String operation, String variant, Function<Fixtures, Request> request, int provisioner) {
        return new ApiRow(operation, variant, request, 401, 401, 401, 401, 401, 401, provisioner);
    }

    /** SCIM's base, relative to the API's. */
    static final String SCIM = "../../scim/v2/";

    /**
     * THE TABLE, API half. An operation added to the API without a row here fails
     * {@link #theTablesNameEveryOperationAndEveryPortalAction()}.
     */
    static final List<ApiRow> API = List.of(
            api("POST /api/v1/users", "", f -> Request.json("POST", "users", f.newUserJson()), 201, 403, 403),
            api("GET /api/v1/users", "", f -> Request.get("users?size=5"), 200, 200, 200),
            api("GET /api/v1/users/{upn}", "", f -> Request.get("users/" + f.user()), 200, 200, 200),
            api("PATCH /api/v1/users/{upn}", "display name", f -> Request.json("PATCH", "users/" + f.user(),
                    "{\"displayName\": \"Renamed\"}"), 200, 200, 403),
            api("PATCH /api/v1/users/{upn}", "address (email)", f -> Request.json("PATCH", "users/" + f.user(),
                    "{\"email\": \"moved@elsewhere.example\"}"), 200, 403, 403),
            api("PATCH /api/v1/users/{upn}", "license", f -> Request.json("PATCH", "users/" + f.user(),
                    "{\"audioConferencingLicense\": false}"), 200, 403, 403),
            api("DELETE /api/v1/users/{upn}", "", f -> Request.json("DELETE", "users/" + f.user(), null),
                    204, 403, 403),
            api("POST /api/v1/users/{upn}/conference-info-email", "to the user", f -> Request.json("POST",
                    "users/" + f.user() + "/conference-info-email", null), 202, 202, 403),
            api("POST /api/v1/users/{upn}/conference-info-email", "to the user's domain", f -> Request.json("POST",
                    "users/" + f.user() + "/conference-info-email", "{\"toAddress\": \"assistant@contoso.com\"}"),
                    202, 202, 403),
            api("POST /api/v1/users/{upn}/conference-info-email", "outside the domains", f -> Request.json("POST",
                    "users/" + f.user() + "/conference-info-email", "{\"toAddress\": \"someone@outside.example\"}"),
                    202, 403, 403),
            api("POST /api/v1/users/{upn}/pin-reset", "", f -> Request.json("POST", "users/" + f.user()
                    + "/pin-reset", null), 200, 200, 403),
            api("POST /api/v1/users/{upn}/conference-id-reset", "", f -> Request.json("POST", "users/" + f.user()
                    + "/conference-id-reset", null), 200, 200, 403),
            api("POST /api/v1/users/{upn}/meetings", "", f -> Request.json("POST", "users/" + f.user()
                    + "/meetings", "{\"subject\": \"Matrix\"}"), 201, 201, 403),
            // Every caller imports a user of their own (the admin's is created; the others are refused first).
            api("POST /api/v1/user-imports", "", f -> Request.csv("user-imports", "userPrincipalName,displayName,"
                    + "audioConferencingLicense\nimported-" + f.unique() + "@contoso.example,Imported,false\n"),
                    200, 403, 403),
            api("GET /api/v1/tenant/dial-in-settings", "", f -> Request.get("tenant/dial-in-settings"), 200, 200, 200),
            api("PATCH /api/v1/tenant/dial-in-settings", "", f -> Request.json("PATCH", "tenant/dial-in-settings",
                    "{\"automaticallySendEmailsToUsers\": true}"), 200, 403, 403),
            api("GET /api/v1/bridges", "", f -> Request.get("bridges"), 200, 200, 200),
            api("POST /api/v1/bridges", "", f -> Request.json("POST", "bridges", "{\"name\": \"Matrix " + f.unique()
                    + "\"}"), 201, 403, 403),
            api("GET /api/v1/bridges/{id}", "", f -> Request.get("bridges/" + f.bridge()), 200, 200, 200),
            api("PATCH /api/v1/bridges/{id}", "", f -> Request.json("PATCH", "bridges/" + f.emptyBridge(),
                    "{\"name\": \"Renamed " + f.unique() + "\"}"), 200, 403, 403),
            api("DELETE /api/v1/bridges/{id}", "", f -> Request.json("DELETE", "bridges/" + f.emptyBridge(), null),
                    204, 403, 403),
            api("GET /api/v1/bridges/{id}/service-numbers", "", f -> Request.get("bridges/" + f.bridge()
                    + "/service-numbers"), 200, 200, 200),
            api("POST /api/v1/bridges/{id}/service-numbers", "", f -> Request.json("POST", "bridges/"
                    + f.emptyBridge() + "/service-numbers", "{\"number\": \"" + f.phoneNumber()
                    + "\", \"type\": \"TOLL\", \"country\": \"US\"}"), 201, 403, 403),
            api("DELETE /api/v1/bridges/{id}/service-numbers/{numberId}", "", f -> {
                String bridge = f.emptyBridge();
                return Request.json("DELETE", "bridges/" + bridge + "/service-numbers/" + f.spareNumber(bridge), null);
            }, 204, 403, 403),
            api("GET /api/v1/emails", "", f -> Request.get("emails?size=5"), 200, 200, 200),
            api("GET /api/v1/emails/{id}", "", f -> Request.get("emails/" + f.sentEmail()), 200, 200, 200),
            // A SENT email cannot be retried: admins and operators pass the role check and meet the rule (409).
            api("POST /api/v1/emails/{id}/retry", "a SENT email", f -> Request.json("POST", "emails/"
                    + f.sentEmail() + "/retry", null), 409, 409, 403),
            api("POST /api/v1/bulk/conference-info-emails", "", f -> Request.json("POST", "bulk/conference-info-emails",
                    "{\"userPrincipalNames\": [\"" + f.user() + "\"]}"), 202, 202, 403),
            api("GET /api/v1/bulk/{jobId}", "", f -> Request.get("bulk/" + f.job()), 200, 200, 200),
            api("POST /api/v1/accounts", "", f -> Request.json("POST", "accounts", "{\"username\": \"matrix-"
                    + f.unique() + "\", \"password\": \"matrix password 1\", \"roles\": [\"auditor\"]}"),
                    201, 403, 403),
            api("GET /api/v1/accounts", "", f -> Request.get("accounts"), 200, 403, 403),
            api("GET /api/v1/accounts/{username}", "", f -> Request.get("accounts/" + f.account()), 200, 403, 403),
            api("PATCH /api/v1/accounts/{username}", "", f -> Request.json("PATCH", "accounts/" + f.account(),
                    "{\"roles\": [\"operator\"]}"), 200, 403, 403),
            api("DELETE /api/v1/accounts/{username}", "", f -> Request.json("DELETE", "accounts/" + f.account(),
                    null), 204, 403, 403),
            api("POST /api/v1/accounts/{username}/password-reset", "", f -> Request.json("POST", "accounts/"
                    + f.account() + "/password-reset", "{\"password\": \"another matrix password\"}"), 204, 403, 403),
            api("POST /api/v1/accounts/{username}/tokens", "", f -> Request.json("POST", "accounts/" + f.account()
                    + "/tokens", "{\"name\": \"matrix\"}"), 201, 403, 403),
            api("GET /api/v1/accounts/{username}/tokens", "", f -> Request.get("accounts/" + f.account()
                    + "/tokens"), 200, 403, 403),
            api("DELETE /api/v1/accounts/{username}/tokens/{id}", "", f -> {
                String account = f.account();
                return Request.json("DELETE", "accounts/" + account + "/tokens/" + f.tokenOf(account), null);
            }, 204, 403, 403),
            api("GET /api/v1/audit", "", f -> Request.get("audit?size=5"), 200, 403, 200),
            // Jitsi Meet's calls are public: no caller is refused, and a bad token is not even looked at.
            new ApiRow("GET /jitsi/dial-in-numbers", "public", f -> Request.endpoint("../../jitsi/dial-in-numbers"
                    + "?bridgeId=" + f.bridge()), 200, 200, 200, 200, 200, 200, 200),
            new ApiRow("GET /jitsi/conference-mapper", "public", f -> Request.endpoint("../../jitsi/conference-mapper"
                    + "?id=9876543210"), 200, 200, 200, 200, 200, 200, 200),
            // Beside the API: Payara's endpoints in the application, which authenticate like the API.
            new ApiRow("GET /health", "details", f -> Request.endpoint("../../health"), 200, 200, 200, 401, 401, 401,
                    401),
            new ApiRow("GET /health/ready", "UP or DOWN only when anonymous", f -> Request.endpoint(
                    "../../health/ready"), 200, 200, 200, 401, 401, 200, 200),
            new ApiRow("GET /health/live", "UP or DOWN only when anonymous", f -> Request.endpoint(
                    "../../health/live"), 200, 200, 200, 401, 401, 200, 200),
            new ApiRow("GET /metrics", "", f -> Request.endpoint("../../metrics"), 200, 200, 200, 401, 401, 401,
                    401),
            new ApiRow("GET /openapi", "", f -> Request.endpoint("../../openapi"), 200, 200, 200, 401, 401, 401,
                    401),
            // SCIM provisioning (/scim/v2): the provisioner's token only.
            scim("GET /scim/v2/ServiceProviderConfig", "", f -> Request.get(SCIM + "ServiceProviderConfig"), 200),
            scim("GET /scim/v2/ResourceTypes", "", f -> Request.get(SCIM + "ResourceTypes"), 200),
            scim("GET /scim/v2/ResourceTypes/{name}", "", f -> Request.get(SCIM + "ResourceTypes/User"), 200),
            scim("GET /scim/v2/Schemas", "", f -> Request.get(SCIM + "Schemas"), 200),
            scim("GET /scim/v2/Schemas/{id}", "", f -> Request.get(SCIM + "Schemas/"
                    + "urn:ietf:params:scim:schemas:core:2.0:Group"), 200),
            scim("POST /scim/v2/Users", "", f -> Request.json("POST", SCIM + "Users", "{\"userName\": \"scim-"
                    + f.unique() + "@contoso.com\"}"), 201),
            scim("GET /scim/v2/Users", "filter", f -> Request.get(SCIM + "Users?count=5&filter=userName%20sw%20%22a%22"),
                    200),
            scim("GET /scim/v2/Users/{id}", "", f -> Request.get(SCIM + "Users/" + f.scimUser()), 200),
            scim("PUT /scim/v2/Users/{id}", "", f -> {
                String id = f.scimUser();
                return Request.json("PUT", SCIM + "Users/" + id, "{\"userName\": \"put-" + f.unique()
                        + "@contoso.com\"}");
            }, 200),
            scim("PATCH /scim/v2/Users/{id}", "", f -> Request.json("PATCH", SCIM + "Users/" + f.scimUser(),
                    "{\"Operations\": [{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"M\"}]}"), 200),
            scim("DELETE /scim/v2/Users/{id}", "", f -> Request.json("DELETE", SCIM + "Users/" + f.scimUser(), null),
                    204),
            scim("POST /scim/v2/Groups", "", f -> Request.json("POST", SCIM + "Groups", "{\"displayName\": \"g-"
                    + f.unique() + "\"}"), 201),
            scim("GET /scim/v2/Groups", "", f -> Request.get(SCIM + "Groups?count=5"), 200),
            scim("GET /scim/v2/Groups/{id}", "", f -> Request.get(SCIM + "Groups/" + f.scimGroup()), 200),
            scim("PUT /scim/v2/Groups/{id}", "", f -> {
                String id = f.scimGroup();
                return Request.json("PUT", SCIM + "Groups/" + id, "{\"displayName\": \"put-" + f.unique() + "\"}");
            }, 200),
            scim("PATCH /scim/v2/Groups/{id}", "members", f -> {
                String group = f.scimGroup();
                return Request.json("PATCH", SCIM + "Groups/" + group, "{\"Operations\": [{\"op\": \"add\","
                        + " \"path\": \"members\", \"value\": [{\"value\": \"" + f.scimUser() + "\"}]}]}");
            }, 200),
            scim("DELETE /scim/v2/Groups/{id}", "", f -> Request.json("DELETE", SCIM + "Groups/" + f.scimGroup(), null),
                    204));

    /**
     * What a portal action ended as: done, refused for the role, refused by a rule (not the role), the login page, or
     * an error page (never expected).
     */
    enum Outcome { DONE, DENIED, RULE, LOGIN, ERROR }

    /** One row of the portal table: a bean's action, the forge page and button that run it, and three outcomes. */
    record PortalRow(String action, String variant, String page, String button, Function<Fixtures, Cell> cell,
            Outcome admin, Outcome operator, Outcome auditor, String realPage, String realButton) {

        Outcome expected(Who who) {
            return switch (who) {
                case ADMIN -> admin;
                case OPERATOR -> operator;
                case AUDITOR -> auditor;
                default -> Outcome.LOGIN;
            };
        }
    }

    /**
     * A portal action's fixture: the page's query, the fields to post, and whether its effect is visible (through the
     * API, as an admin) after it ran; null for a read, which has none.
     */
    record Cell(String query, Map<String, String> fields, Predicate<Who> effect, byte[] file) {
        Cell(String query, Map<String, String> fields, Predicate<Who> effect) {
            this(query, fields, effect, null);
        }
    }

    /** A users import of one new user, as a forge page's upload (the post names the upload as its source). */
    static Cell importCell(String upn, Predicate<Who> effect) {
        return new Cell("", Map.of("jakarta.faces.source", "forge:file"), effect, ("userPrincipalName,displayName,"
                + "audioConferencingLicense\n" + upn + ",Forged import,false\n").getBytes(StandardCharsets.UTF_8));
    }

    static PortalRow portal(String action, String variant, String page, String button, Function<Fixtures, Cell> cell,
            Outcome admin, Outcome operator, Outcome auditor, String realPage, String realButton) {
        return new PortalRow(action, variant, page, button, cell, admin, operator, auditor, realPage, realButton);
    }

    static final Outcome DONE = Outcome.DONE;
    static final Outcome DENIED = Outcome.DENIED;
    static final Outcome RULE = Outcome.RULE;

    /**
     * THE TABLE, portal half: every action of every backing bean. A bean action added without a row here (or in
     * {@link #NOT_ROLE_ACTIONS}) fails {@link #theTablesNameEveryOperationAndEveryPortalAction()}. The last two
     * columns are the real page and the id of the button that offers the action there: each role must see it exactly
     * when the table lets it do the action.
     */
    static final List<PortalRow> PORTAL = List.of(
            portal("UserBean.saveProperties", "display name", "forge-user", "saveProperties", f -> {
                String upn = f.user();
                return new Cell("upn=" + upn, Map.of("forge:displayName", "Forged name"),
                        who -> f.userJson(upn).getString("displayName").equals("Forged name"));
            }, DONE, DONE, DENIED, "user", "save-properties"),
            portal("UserBean.saveProperties", "address (email)", "forge-user", "saveProperties", f -> {
                String upn = f.user();
                return new Cell("upn=" + upn, Map.of("forge:email", "forged@elsewhere.example"),
                        who -> f.userJson(upn).getString("email").equals("forged@elsewhere.example"));
            }, DONE, DENIED, DENIED, null, null),
            portal("UserBean.saveDialIn", "toll-free off", "forge-user", "saveDialIn", f -> {
                String upn = f.user();
                return new Cell("upn=" + upn, Map.of("forge:allowTollFree", "false"),
                        who -> !f.userJson(upn).getBoolean("allowTollFreeDialIn"));
            }, DONE, DONE, DENIED, "user", "save-dial-in"),
            portal("UserBean.saveDialIn", "provider", "forge-user", "saveDialIn", f -> {
                String upn = f.user();
                return new Cell("upn=" + upn, Map.of("forge:provider", "NONE"),
                        who -> f.userJson(upn).getString("provider").equals("NONE"));
            }, DONE, DENIED, DENIED, null, null),
            portal("UserBean.changeLicense", "off", "forge-user", "licenseOff", f -> {
                String upn = f.user();
                return new Cell("upn=" + upn, Map.of(),
                        who -> !f.userJson(upn).getBoolean("audioConferencingLicense"));
            }, DONE, DENIED, DENIED, "user", "license-off"),
            portal("UserBean.saveStaticId", "", "forge-user", "saveStaticId", f -> {
                String upn = f.user();
                String id = f.conferenceId();
                return new Cell("upn=" + upn, Map.of("forge:staticId", id),
                        who -> f.userJson(upn).getString("conferenceId").equals(id));
            }, DONE, DONE, DENIED, "user", "save-static-id"),
            portal("UserBean.sendInfo", "to the user", "forge-user", "sendInfo", f -> {
                String upn = f.user();
                return new Cell("upn=" + upn, Map.of(), who -> !f.emails(upn, "CONFERENCE_INFO").isEmpty());
            }, DONE, DONE, DENIED, "user", "send-info"),
            portal("UserBean.sendInfo", "outside the domains", "forge-user", "sendInfo", f -> {
                String upn = f.user();
                return new Cell("upn=" + upn, Map.of("forge:sendTo", "someone@outside.example"),
                        who -> !f.emails(upn, "CONFERENCE_INFO").isEmpty());
            }, DONE, DENIED, DENIED, null, null),
            portal("UserBean.resetPin", "", "forge-user", "resetPin", f -> {
                String upn = f.user();
                return new Cell("upn=" + upn, Map.of(), who -> !f.emails(upn, "PIN_RESET").isEmpty());
            }, DONE, DONE, DENIED, "user", "reset-pin"),
            portal("UserBean.resetConferenceId", "", "forge-user", "resetConferenceId", f -> {
                String upn = f.user();
                String before = f.userJson(upn).getString("conferenceId");
                return new Cell("upn=" + upn, Map.of(),
                        who -> !f.userJson(upn).getString("conferenceId").equals(before));
            }, DONE, DONE, DENIED, "user", "reset-id"),
            portal("UsersBean.sendToSelected", "", "forge-lists", "sendToSelected", f -> {
                String upn = f.user();
                return new Cell("search=" + upn, Map.of("forge:users_selection", upn),
                        who -> !f.emails(upn, "CONFERENCE_INFO").isEmpty());
            }, DONE, DONE, DENIED, "users", "send-selected"),
            portal("BulkBean.sendToAll", "", "forge-lists", "sendToAll", f -> {
                String upn = f.user();
                return new Cell("", Map.of(), who -> !f.emails(upn, "CONFERENCE_INFO").isEmpty());
            }, DONE, DONE, DENIED, "bulk", "send-all"),
            portal("EmailsBean.retry", "a SENT email", "forge-lists", "retry", f -> new Cell("",
                    Map.of("email", f.sentEmail()), who -> !f.emailJson(f.sentEmail()).getString("status")
                            .equals("SENT")), RULE, RULE, DENIED, null, null),
            portal("SettingsBean.save", "", "forge-lists", "saveSettings", f -> {
                Instant since = Instant.now();
                return new Cell("", Map.of(), who -> f.audited("settings.update", "dial-in-settings", since));
            }, DONE, DENIED, DENIED, "settings", "save"),
            portal("BridgesBean.createBridge", "", "forge-lists", "createBridge", f -> {
                String name = "Forged " + f.unique();
                return new Cell("", Map.of("forge:newBridge", name), who -> f.bridgeNamed(name));
            }, DONE, DENIED, DENIED, "bridges", "create"),
            portal("BridgesBean.makeDefault", "", "forge-lists", "makeDefault", f -> {
                String bridge = f.emptyBridge();
                return new Cell("", Map.of("bridge", bridge), who -> f.bridgeJson(bridge).getBoolean("isDefault"));
            }, DONE, DENIED, DENIED, "bridges", "make-default"),
            portal("BridgesBean.save", "rename", "forge-lists", "saveBridge", f -> {
                String bridge = f.emptyBridge();
                String name = "Renamed " + f.unique();
                return new Cell("bridge=" + bridge, Map.of("forge:bridgeName", name),
                        who -> f.bridgeJson(bridge).getString("name").equals(name));
            }, DONE, DENIED, DENIED, "bridges", "save-bridge"),
            portal("BridgesBean.addNumber", "", "forge-lists", "addNumber", f -> {
                String bridge = f.emptyBridge();
                String number = f.phoneNumber();
                return new Cell("bridge=" + bridge, Map.of("forge:number", number, "forge:country", "US"),
                        who -> f.numbers(bridge).contains(number));
            }, DONE, DENIED, DENIED, "bridges", "add-number"),
            portal("BridgesBean.deleteNumber", "", "forge-lists", "deleteNumber", f -> {
                String bridge = f.emptyBridge();
                String numberId = f.spareNumber(bridge);
                return new Cell("bridge=" + bridge, Map.of("numberId", numberId),
                        who -> f.numbers(bridge).isEmpty());
            }, DONE, DENIED, DENIED, "bridges", "delete-number"),
            portal("AccountsBean.create", "", "forge-accounts", "create", f -> {
                String name = "forged-" + f.unique();
                return new Cell("", Map.of("forge:newUsername", name, "forge:newPassword", "forged password 1"),
                        who -> f.admin.get("accounts/" + name).status() == 200);
            }, DONE, DENIED, DENIED, "accounts", "create"),
            portal("AccountsBean.select", "reading an account", "forge-accounts", "select", f -> new Cell(
                    "", Map.of("account", f.account()), null), DONE, DENIED, DENIED, "accounts", null),
            portal("AccountsBean.saveRoles", "", "forge-accounts", "saveRoles", f -> {
                String account = f.account();
                return new Cell("account=" + account, Map.of(), who -> f.audited("account.update", account,
                        Instant.EPOCH));
            }, DONE, DENIED, DENIED, "accounts", null),
            portal("AccountsBean.enable", "disable", "forge-accounts", "disable", f -> {
                String account = f.account();
                return new Cell("account=" + account, Map.of(),
                        who -> !f.admin.get("accounts/" + account).json().getBoolean("enabled"));
            }, DONE, DENIED, DENIED, "accounts", null),
            portal("AccountsBean.resetPassword", "", "forge-accounts", "resetPassword", f -> {
                String account = f.account();
                return new Cell("account=" + account, Map.of("forge:password", "forged password 2"),
                        who -> f.audited("account.password-reset", account, Instant.EPOCH));
            }, DONE, DENIED, DENIED, "accounts", null),
            portal("AccountsBean.delete", "", "forge-accounts", "delete", f -> {
                String account = f.account();
                return new Cell("account=" + account, Map.of(),
                        who -> f.admin.get("accounts/" + account).status() == 404);
            }, DONE, DENIED, DENIED, "accounts", null),
            portal("AccountsBean.createToken", "", "forge-accounts", "createToken", f -> {
                String account = f.account();
                return new Cell("account=" + account, Map.of("forge:tokenName", "forged"),
                        who -> !f.admin.get("accounts/" + account + "/tokens").jsonValue().asJsonArray().isEmpty());
            }, DONE, DENIED, DENIED, "accounts", null),
            portal("AccountsBean.revokeToken", "", "forge-accounts", "revokeToken", f -> {
                String account = f.account();
                String token = f.tokenOf(account);
                return new Cell("account=" + account, Map.of("tokenId", token),
                        who -> f.admin.get("accounts/" + account + "/tokens").jsonValue().asJsonArray()
                                .getJsonObject(0).getString("status").equals("REVOKED"));
            }, DONE, DENIED, DENIED, "accounts", null),
            portal("AuditBean.getModel", "reading the trail", "forge-audit", "filter", f -> new Cell("", Map.of(),
                    null), DONE, DENIED, DONE, "audit", null),
            // The preview checks every line through the users service (a read: ImportsPortalIT shows it creates
            // nobody).
            portal("ImportsBean.upload", "preview", "forge-imports", "upload", f -> importCell("forged-preview-"
                    + f.unique() + "@contoso.example", null), DONE, DENIED, DENIED, "imports", null),
            // Upload and start in one post: the start reaches the import service, which refuses it.
            portal("ImportsBean.start", "", "forge-imports", "start", f -> {
                String upn = "forged-import-" + f.unique() + "@contoso.example";
                return importCell(upn, who -> Api.eventually(Duration.ofSeconds(who == Who.ADMIN ? 60 : 3),
                        () -> f.admin.get("users/" + upn).status() == 200));
            }, DONE, DENIED, DENIED, null, null));

    static final Set<String> SHOWN_AFTER_SELECTING_A_BRIDGE = Set.of("add-number", "delete-number", "save-bridge");

    /** Bean methods that are not role-restricted actions, and why. */
    static final Map<String, String> NOT_ROLE_ACTIONS = Map.ofEntries(
            Map.entry("LoginBean.login", "signing in comes before any role"),
            Map.entry("LoginBean.logout", "anyone may sign out"),
            Map.entry("LocaleBean.switchTo", "the page's language"),
            Map.entry("UserBean.load", "reads the user for the page; every role reads users"),
            Map.entry("UserBean.takeRevealedPin", "shows the PIN this session's own reset made, once"),
            Map.entry("AccountsBean.takeRevealedToken", "shows the token this session's own creation made, once"),
            Map.entry("BridgesBean.select", "reads a bridge's numbers; every role reads bridges"),
            Map.entry("PreviewBean.render",
                    "reads an email preview; every role reads users, and a preview shows no PIN"),
            Map.entry("UserBean.overwrite", "repeats this session's refused save through the same guarded service"
                    + " call (its rows above); with no conflict pending it does nothing"),
            Map.entry("UserBean.reload", "reads the user again after a conflict"),
            Map.entry("BridgesBean.overwrite", "repeats this session's refused bridge change through the same"
                    + " guarded service call (its rows above); with no conflict pending it does nothing"),
            Map.entry("BridgesBean.reload", "reads the bridges again after a conflict"),
            Map.entry("Dates.iso", "formats an instant for display"),
            Map.entry("Dates.shortUtc", "formats an instant for display"),
            Map.entry("Phones.format", "formats a phone number for display"),
            Map.entry("Phones.international", "formats a phone number for display"));

    @ArquillianResource
    URL base;

    /** Made once for the class: the callers and the fixtures' bridge. */
    static Fixtures fixtures;
    static Map<Who, Api> apis;
    static Map<Who, Accounts.Account> portalLogins;
    static Map<Who, String> tokens;

    @BeforeEach
    void callers() throws Exception {
        if (fixtures != null) {
            return;
        }
        fixtures = new Fixtures(base);
        Accounts accounts = new Accounts(base);
        Accounts.Account operator = accounts.create("matrix-operator", "operator");
        Accounts.Account auditor = accounts.create("matrix-auditor", "auditor");
        Accounts.Account tokenOwner = accounts.create("matrix-tokens", "admin");
        String[] revoked = accounts.token(tokenOwner.username(), "revoked", null, null);
        assertEquals(204, fixtures.admin.delete("accounts/" + tokenOwner.username() + "/tokens/" + revoked[0])
                .status());
        Instant expiry = Instant.now().plusSeconds(2);
        String[] expired = accounts.token(tokenOwner.username(), "expired", null, expiry);
        apis = new EnumMap<>(Who.class);
        apis.put(Who.ADMIN, fixtures.admin);
        apis.put(Who.OPERATOR, operator.api());
        apis.put(Who.AUDITOR, auditor.api());
        apis.put(Who.REVOKED_TOKEN, accounts.bearer(revoked[1]));
        apis.put(Who.EXPIRED_TOKEN, accounts.bearer(expired[1]));
        apis.put(Who.NONE, fixtures.admin.anonymous());
        Accounts.Account provisioner = accounts.create("matrix-provisioner", "provisioner");
        String provisionerToken = accounts.token(provisioner.username(), "matrix scim", null, null)[1];
        apis.put(Who.PROVISIONER, accounts.bearer(provisionerToken));
        fixtures.provisioner = apis.get(Who.PROVISIONER);
        portalLogins = Map.of(Who.OPERATOR, operator, Who.AUDITOR, auditor);
        // The portal ignores tokens: each of these, the provisioner's included, meets the login page.
        tokens = Map.of(Who.REVOKED_TOKEN, revoked[1], Who.EXPIRED_TOKEN, expired[1], Who.PROVISIONER,
                provisionerToken);
        long untilExpired = Duration.between(Instant.now(), expiry).toMillis() + 500;
        if (untilExpired > 0) {
            Thread.sleep(untilExpired);
        }
        assertEquals(401, apis.get(Who.EXPIRED_TOKEN).get("users").status(), "the token has expired");
    }

    @Test
    void everyApiOperationAnswersEachCallerAsTheTableSays() throws IOException {
        Map<ApiRow, Map<Who, Integer>> actual = new java.util.LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (ApiRow row : API) {
            Request request = row.request().apply(fixtures);
            Map<Who, Integer> statuses = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                Api api = apis.get(who);
                Api.Reply reply = request.text() ? api.getText(request.path())
                        : request.contentType() != null ? api.call(request.method(), request.path(), request.body(),
                                "Content-Type", request.contentType())
                        : api.call(request.method(), request.path(), request.body());
                statuses.put(who, reply.status());
                if (reply.status() != row.expected(who)) {
                    wrong.add(row.operation() + " [" + row.variant() + "] as " + who + ": expected "
                            + row.expected(who) + ", got " + reply.status() + " " + reply.body());
                }
                if ((reply.status() == 401 || reply.status() == 403) && request.path().startsWith(SCIM)) {
                    assertTrue(reply.contentType().startsWith("application/scim+json"),
                            row.operation() + " as " + who + " answers a SCIM error: " + reply.contentType());
                } else if (reply.status() == 401 || reply.status() == 403) {
                    assertTrue(reply.contentType().startsWith("application/problem+json"),
                            row.operation() + " as " + who + " answers a problem document: " + reply.contentType());
                }
                if (reply.status() == 202 && request.path().startsWith("bulk/")) {
                    fixtures.awaitBulk(reply.json().getString("jobId"));
                }
            }
            actual.put(row, statuses);
        }
        Files.writeString(report("role-matrix-api.md"), apiTable(actual));
        assertTrue(wrong.isEmpty(), wrong.size() + " cells differ from the table:\n" + String.join("\n", wrong));
    }

    @Test
    void everyPortalActionIsRefusedByTheBeansToRolesThatMayNotTakeIt() throws IOException {
        Map<Who, FacesClient> portals = new EnumMap<>(Who.class);
        portals.put(Who.ADMIN, new FacesClient(base).login("admin", Api.ADMIN_PASSWORD));
        for (Map.Entry<Who, Accounts.Account> login : portalLogins.entrySet()) {
            portals.put(login.getKey(), new FacesClient(base).login(login.getValue().username(),
                    login.getValue().password()));
        }
        portals.put(Who.NONE, new FacesClient(base));
        for (Map.Entry<Who, String> token : tokens.entrySet()) {
            portals.put(token.getKey(), new FacesClient(base, "Bearer " + token.getValue()));
        }
        Map<PortalRow, Map<Who, Outcome>> actual = new java.util.LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        String defaultBridge = fixtures.admin.get("bridges").jsonValue().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(b -> b.getBoolean("isDefault")).map(b -> b.getString("id"))
                .findFirst().orElse(null);
        try {
            runPortalRows(portals, actual, wrong);
        } finally {
            if (defaultBridge != null) {
                // makeDefault changed the default bridge; later tests expect the one they found.
                fixtures.admin.patch("bridges/" + defaultBridge, "{\"isDefault\": true}");
            }
        }
        Files.writeString(report("role-matrix-portal.md"), portalTable(actual));
        assertTrue(wrong.isEmpty(), wrong.size() + " cells differ from the table:\n" + String.join("\n", wrong));
    }

    private void runPortalRows(Map<Who, FacesClient> portals, Map<PortalRow, Map<Who, Outcome>> actual,
            List<String> wrong) {
        for (PortalRow row : PORTAL) {
            Cell cell = row.cell().apply(fixtures);
            Map<Who, Outcome> outcomes = new EnumMap<>(Who.class);
            for (Who who : Who.values()) {
                FacesClient portal = portals.get(who);
                String path = "admin/" + row.page() + ".xhtml" + (cell.query().isEmpty() ? "" : "?" + cell.query());
                FacesClient.Page page = portal.get(path);
                Outcome outcome;
                String seen;
                if (page.redirectsToLogin()) {
                    outcome = Outcome.LOGIN;
                    seen = "login page";
                } else {
                    assertEquals(200, page.status(), who + " opens " + path + ": " + page.html());
                    FacesClient.Page after = cell.file() == null
                            ? portal.post(page, "forge", "forge:" + row.button(), cell.fields())
                            : portal.postFile(page, "forge", "forge:" + row.button(), cell.fields(), "forge:file",
                                    "forged.csv", cell.file());
                    List<String> messages = after.messages();
                    seen = after.status() + " " + messages;
                    outcome = after.status() != 200 ? Outcome.ERROR
                            : messages.stream().anyMatch(m -> m.startsWith("refused:") && (m.contains("do not allow")
                                    || m.contains("only an admin") || m.contains("Only an admin"))) ? Outcome.DENIED
                            : messages.stream().anyMatch(m -> m.startsWith("refused:")) ? Outcome.RULE : Outcome.DONE;
                    if (outcome == Outcome.DONE && Set.of("sendToAll", "sendToSelected").contains(row.button())) {
                        fixtures.awaitBulkStartedBy(who == Who.ADMIN ? "admin" : portalLogins.get(who).username());
                    }
                    boolean effect = cell.effect() == null ? outcome == Outcome.DONE : cell.effect().test(who);
                    if (effect != (outcome == Outcome.DONE)) {
                        wrong.add(row.action() + " [" + row.variant() + "] as " + who + ": " + outcome
                                + (effect ? " but its effect is there" : " but its effect is missing") + "; " + seen);
                    }
                }
                outcomes.put(who, outcome);
                if (outcome != row.expected(who)) {
                    wrong.add(row.action() + " [" + row.variant() + "] as " + who + ": expected " + row.expected(who)
                            + ", got " + outcome + " (" + seen + ")");
                }
            }
            actual.put(row, outcomes);
        }
    }

    @Test
    void theRealPagesShowEachRoleExactlyTheActionsTheTableLetsItTake() {
        String upn = fixtures.user();
        fixtures.emptyBridge();
        Map<Who, FacesClient> portals = new EnumMap<>(Who.class);
        portals.put(Who.ADMIN, new FacesClient(base).login("admin", Api.ADMIN_PASSWORD));
        portalLogins.forEach((who, account) -> portals.put(who, new FacesClient(base).login(account.username(),
                account.password())));
        List<String> wrong = new ArrayList<>();
        for (Who who : List.of(Who.ADMIN, Who.OPERATOR, Who.AUDITOR)) {
            FacesClient portal = portals.get(who);
            Map<String, FacesClient.Page> pages = new HashMap<>();
            for (PortalRow row : PORTAL) {
                if (row.realPage() == null) {
                    continue;
                }
                FacesClient.Page page = pages.computeIfAbsent(row.realPage(), p -> portal.get("admin/" + p + ".xhtml"
                        + (p.equals("user") ? "?upn=" + upn : "")));
                boolean allowed = row.expected(who) != Outcome.DENIED;
                if (row.realButton() == null) {
                    // The whole page is the action: it opens exactly for the roles the table lets take it.
                    boolean opens = page.status() == 200;
                    if (opens != allowed) {
                        wrong.add(who + " " + (opens ? "opens" : "cannot open") + " /admin/" + row.realPage()
                                + ".xhtml (" + row.action() + ": " + row.expected(who) + ")");
                    }
                    continue;
                }
                if (SHOWN_AFTER_SELECTING_A_BRIDGE.contains(row.realButton())) {
                    // In the numbers panel, which a bridge's link opens by AJAX; the forge pages test the beans.
                    continue;
                }
                boolean shown = page.html().contains(":" + row.realButton() + "\"");
                if (shown != allowed) {
                    wrong.add(who + " " + (shown ? "sees" : "does not see") + " #" + row.realButton() + " on /admin/"
                            + row.realPage() + ".xhtml, but the table says " + row.expected(who) + " for "
                            + row.action() + " [" + row.variant() + "]");
                }
            }
            boolean accountsLink = pages.values().stream().filter(p -> p.status() == 200)
                    .anyMatch(p -> p.html().contains("id=\"nav-accounts\""));
            assertEquals(who == Who.ADMIN, accountsLink, who + " sees the Accounts link");
            boolean importsLink = pages.values().stream().filter(p -> p.status() == 200)
                    .anyMatch(p -> p.html().contains("id=\"nav-imports\""));
            assertEquals(who == Who.ADMIN, importsLink, who + " sees the Import users link");
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * Single sign-on's two addresses (its start and the provider's callback) come before any role, so they answer
     * every caller alike: here, with single sign-on off, 404 to all of them, and nobody is signed in by them. With
     * it on, {@code SingleSignOnIT} (extended profile) holds the same addresses against a real Keycloak. The
     * no-access page is shown only by the callback; opened directly it needs a role like the rest of the portal.
     */
    @Test
    void singleSignOnAddressesAnswerEveryCallerAlikeWhileItIsOff() throws IOException {
        Map<Who, FacesClient> portals = new EnumMap<>(Who.class);
        portals.put(Who.ADMIN, new FacesClient(base).login("admin", Api.ADMIN_PASSWORD));
        for (Map.Entry<Who, Accounts.Account> login : portalLogins.entrySet()) {
            portals.put(login.getKey(), new FacesClient(base).login(login.getValue().username(),
                    login.getValue().password()));
        }
        portals.put(Who.NONE, new FacesClient(base));
        for (Map.Entry<Who, String> token : tokens.entrySet()) {
            portals.put(token.getKey(), new FacesClient(base, "Bearer " + token.getValue()));
        }
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            for (String path : List.of("admin/sign-in", "admin/sign-in/callback?state=s&code=c")) {
                int status = portals.get(who).get(path).status();
                if (status != 404) {
                    wrong.add(who + " GET " + path + ": " + status + ", expected 404");
                }
            }
            int noAccess = portals.get(who).get("admin/no-access.xhtml").status();
            int expected = who == Who.ADMIN || who == Who.OPERATOR || who == Who.AUDITOR ? 200 : 302;
            if (noAccess != expected) {
                wrong.add(who + " GET admin/no-access.xhtml: " + noAccess + ", expected " + expected);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theTablesNameEveryOperationAndEveryPortalAction() throws Exception {
        Set<String> declared = resourceOperations();
        Set<String> tabled = API.stream().filter(r -> !r.endpoint()).map(ApiRow::operation)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, tabled, "the JAX-RS resource methods and the table's API rows");

        Api.Reply openapi = fixtures.admin.getText("../../openapi?format=JSON");
        assertEquals(200, openapi.status());
        Set<String> documented = new TreeSet<>();
        try (JsonReader reader = Json.createReader(new StringReader(openapi.body()))) {
            reader.readObject().getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                    .filter(k -> Set.of("get", "put", "post", "delete", "patch").contains(k))
                    .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        }
        // SCIM describes itself (/scim/v2/Schemas, /ResourceTypes), not in /openapi.
        assertEquals(declared.stream().filter(o -> !o.contains(" /scim/")).collect(Collectors.toCollection(
                TreeSet::new)), documented, "/openapi and the resource methods");

        Set<String> actions = portalActions();
        Set<String> covered = new TreeSet<>(NOT_ROLE_ACTIONS.keySet());
        PORTAL.stream().map(PortalRow::action).filter(a -> !a.contains(".get")).forEach(covered::add);
        assertEquals(actions, covered, "the portal beans' actions and the table's portal rows");
        PORTAL.stream().map(PortalRow::action).filter(a -> a.contains(".get")).forEach(a ->
                assertTrue(Stream.of(beanClass(a).getMethods()).anyMatch(m -> m.getName().equals(a.split("\\.")[1])),
                        a + " exists"));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Reflection: what the application declares.

    /**
     * Every JAX-RS resource method as "METHOD /application-path/path", from the compiled classes: each resource under
     * the path of the application that lists it (the API's /api/v1, Jitsi's /jitsi).
     */
    static Set<String> resourceOperations() throws Exception {
        Map<Class<?>, String> roots = new HashMap<>();
        for (Class<?> type : applicationClasses()) {
            if (jakarta.ws.rs.core.Application.class.isAssignableFrom(type)
                    && type.isAnnotationPresent(ApplicationPath.class)) {
                String root = "/" + type.getAnnotation(ApplicationPath.class).value();
                ((jakarta.ws.rs.core.Application) type.getDeclaredConstructor().newInstance()).getClasses()
                        .forEach(listed -> roots.put(listed, root));
            }
        }
        Set<String> operations = new TreeSet<>();
        for (Class<?> type : applicationClasses()) {
            jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (classPath == null) {
                continue;
            }
            String root = roots.get(type);
            assertTrue(root != null, type + " belongs to an application");
            for (Method method : type.getDeclaredMethods()) {
                String httpMethod = null;
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        httpMethod = http.value();
                    }
                }
                if (httpMethod == null) {
                    continue;
                }
                jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = (root + "/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                        .replaceAll("/+", "/").replaceAll("/$", "");
                operations.add(httpMethod + " " + path);
            }
        }
        return operations;
    }

    /** Every public action method of the portal's named beans: not a getter, setter or Object method. */
    static Set<String> portalActions() throws Exception {
        Set<String> actions = new TreeSet<>();
        for (Class<?> type : applicationClasses()) {
            if (!type.getPackageName().equals("org.confmail.portal")
                    || !type.isAnnotationPresent(jakarta.inject.Named.class)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String name = method.getName();
                boolean accessor = (name.startsWith("get") || name.startsWith("is")) && method.getParameterCount() == 0
                        || name.startsWith("set") && method.getParameterCount() == 1;
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && !accessor) {
                    actions.add(type.getSimpleName() + "." + name);
                }
            }
        }
        return actions;
    }

    static Class<?> beanClass(String action) {
        try {
            return Class.forName("org.confmail.portal." + action.split("\\.")[0]);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    static List<Class<?>> applicationClasses() throws URISyntaxException, IOException {
        Path classes = Path.of(ConfmailApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .<Class<?>>map(name -> {
                        try {
                            return Class.forName(name, false, RoleMatrixIT.class.getClassLoader());
                        } catch (ClassNotFoundException e) {
                            throw new AssertionError(e);
                        }
                    }).toList();
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // The printed matrix.

    private static Path report(String name) throws IOException {
        Path dir = Path.of(System.getProperty("confmail.it.logs", "target/it-apps")).getParent();
        Files.createDirectories(dir);
        return dir.resolve(name);
    }

    private static String apiTable(Map<ApiRow, Map<Who, Integer>> actual) {
        StringBuilder table = new StringBuilder("| operation | variant | admin | operator | auditor | provisioner"
                + " token | expired token | revoked token | no credentials |\n|---|---|---|---|---|---|---|---|---|\n");
        actual.forEach((row, statuses) -> table.append("| `").append(row.operation()).append("` | ")
                .append(row.variant()).append(" | ")
                .append(COLUMNS.stream().map(w -> String.valueOf(statuses.get(w))).collect(Collectors.joining(" | ")))
                .append(" |\n"));
        return table.toString();
    }

    private static String portalTable(Map<PortalRow, Map<Who, Outcome>> actual) {
        StringBuilder table = new StringBuilder("| portal action | variant | admin | operator | auditor | provisioner"
                + " token | expired token | revoked token | no credentials |\n|---|---|---|---|---|---|---|---|---|\n");
        actual.forEach((row, outcomes) -> table.append("| `").append(row.action()).append("` | ")
                .append(row.variant()).append(" | ")
                .append(COLUMNS.stream().map(w -> outcomes.get(w).name().toLowerCase())
                        .collect(Collectors.joining(" | ")))
                .append(" |\n"));
        return table.toString();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Fixtures, made by the admin through the API.

    /** What the rows act on; each call makes a fresh one. */
    static final class Fixtures {
        final Api admin;
        /** The provisioner's SCIM client, for SCIM's fixtures. */
        Api provisioner;
        final Scenario scenario;
        private final AtomicInteger counter = new AtomicInteger();
        private String sentEmail;
        private String job;

        Fixtures(URL base) {
            admin = new Api(base);
            scenario = new Scenario(admin, SMTP).withBridge();
        }

        String unique() {
            return scenario.suffix + "-" + counter.incrementAndGet();
        }

        /** A fresh user made through SCIM: its SCIM id. */
        String scimUser() {
            Api.Reply user = provisioner.post(SCIM + "Users", "{\"userName\": \"scim-fixture-" + unique()
                    + "@contoso.com\"}");
            assertEquals(201, user.status(), user.body());
            return user.json().getString("id");
        }

        /** A fresh group made through SCIM: its SCIM id. */
        String scimGroup() {
            Api.Reply group = provisioner.post(SCIM + "Groups", "{\"displayName\": \"fixture " + unique() + "\"}");
            assertEquals(201, group.status(), group.body());
            return group.json().getString("id");
        }

        /** A fresh user with dial-in on the scenario's bridge. */
        String user() {
            return scenario.createUser("m" + counter.incrementAndGet(), "\"country\": \"US\"")
                    .getString("userPrincipalName");
        }

        String newUserJson() {
            return "{\"userPrincipalName\": \"new-" + unique() + "@contoso.com\", \"displayName\": \"New\","
                    + " \"bridgeId\": \"" + scenario.bridgeId + "\"}";
        }

        String bridge() {
            return scenario.bridgeId;
        }

        /** A fresh bridge nobody uses. */
        String emptyBridge() {
            Api.Reply bridge = admin.post("bridges", "{\"name\": \"Empty " + unique() + "\"}");
            assertEquals(201, bridge.status(), bridge.body());
            return bridge.json().getString("id");
        }

        /** A fresh toll-free number on the bridge: nobody's default, not the bridge's default toll number. */
        String spareNumber(String bridge) {
            Api.Reply number = admin.post("bridges/" + bridge + "/service-numbers", "{\"number\": \"" + phoneNumber()
                    + "\", \"type\": \"TOLL_FREE\", \"country\": \"US\"}");
            assertEquals(201, number.status(), number.body());
            return number.json().getString("id");
        }

        String phoneNumber() {
            return "+1206" + String.format("%07d", Math.floorMod((scenario.suffix + counter.incrementAndGet())
                    .hashCode(), 10_000_000));
        }

        /** A 9-digit static conference ID; chosen IDs may not start with 0. */
        String conferenceId() {
            return String.valueOf(100_000_000 + Math.floorMod((scenario.suffix + counter.incrementAndGet())
                    .hashCode(), 900_000_000));
        }

        /** A SENT email (one, made once). */
        String sentEmail() {
            if (sentEmail == null) {
                String upn = user();
                sentEmail = scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1).get(0).getString("id");
            }
            return sentEmail;
        }

        String job() {
            if (job == null) {
                Api.Reply started = admin.post("bulk/conference-info-emails", "{\"userPrincipalNames\": [\""
                        + user() + "\"]}");
                assertEquals(202, started.status(), started.body());
                job = started.json().getString("jobId");
                awaitBulk(job);
            }
            return job;
        }

        /** A fresh account (auditor) with no tokens. */
        String account() {
            String name = "fixture-" + unique();
            Api.Reply created = admin.post("accounts", "{\"username\": \"" + name + "\", \"password\": \""
                    + "fixture password 1\", \"roles\": [\"auditor\"]}");
            assertEquals(201, created.status(), created.body());
            return name;
        }

        String tokenOf(String account) {
            Api.Reply token = admin.post("accounts/" + account + "/tokens", "{\"name\": \"fixture\"}");
            assertEquals(201, token.status(), token.body());
            return token.json().getString("id");
        }

        JsonObject userJson(String upn) {
            return admin.get("users/" + upn).json();
        }

        JsonObject emailJson(String id) {
            return admin.get("emails/" + id).json();
        }

        JsonObject bridgeJson(String id) {
            return admin.get("bridges/" + id).json();
        }

        List<String> numbers(String bridge) {
            return admin.get("bridges/" + bridge + "/service-numbers").jsonValue().asJsonArray().stream()
                    .map(n -> n.asJsonObject().getString("number")).toList();
        }

        boolean bridgeNamed(String name) {
            return admin.get("bridges").jsonValue().asJsonArray().stream()
                    .anyMatch(b -> b.asJsonObject().getString("name").equals(name));
        }

        List<JsonObject> emails(String upn, String kind) {
            return scenario.emails(upn, kind);
        }

        /** Whether the audit trail shows this action on the target succeeding since then. */
        boolean audited(String action, String target, Instant since) {
            return admin.get("audit?action=" + action + "&target=" + target + "&from=" + since).json()
                    .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .anyMatch(e -> e.getString("outcome").equals("SUCCESS"));
        }

        void awaitBulk(String jobId) {
            assertTrue(Api.eventually(Duration.ofSeconds(120), () -> admin.get("bulk/" + jobId).json()
                    .getBoolean("done")), "bulk job " + jobId + " finishes");
        }

        /** Until the last bulk send this account started is done (it holds the next one back until then). */
        void awaitBulkStartedBy(String account) {
            JsonObject started = admin.get("audit?action=bulk.start&actor=" + account + "&size=1").json()
                    .getJsonArray("items").getJsonObject(0);
            assertEquals("SUCCESS", started.getString("outcome"), started.toString());
            awaitBulk(started.getString("target"));
        }
    }

}
