package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.Address;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 * SCIM 2.0 provisioning against the running service with UnboundID's SCIM 2 SDK client, as an identity provider
 * drives it: the user lifecycle, the license group giving and taking the license (emails read at the SMTP server),
 * filters, paging, errors, a retried create, and the PATCH forms Entra ID and Okta send.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScimIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

    static final String LICENSE_GROUP = "Audio Conferencing";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Api admin;
    Scenario scenario;
    ScimClient raw;
    ScimService scim;
    String provisioner;
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void provisioner() {
        admin = new Api(base);
        scenario = new Scenario(admin, SMTP).withBridge();
        // SCIM users land on the default bridge.
        Api.Reply bridge = admin.patch("bridges/" + scenario.bridgeId, "{\"isDefault\": true}");
        assertEquals(200, bridge.status(), bridge.body());
        Accounts accounts = new Accounts(base);
        provisioner = accounts.create("idp", "provisioner").username();
        raw = new ScimClient(base, accounts.token(provisioner, "entra", null, null)[1]);
        scim = raw.sdk();
    }

    UserResource newUser(String name) {
        UserResource user = new UserResource().setUserName(name + "." + suffix + "@contoso.com");
        user.setDisplayName(name + " " + suffix);
        user.setName(new Name().setGivenName(name).setFamilyName(suffix));
        user.setEmails(List.of(new Email().setValue(name + "." + suffix + "@mail.contoso.com").setType("work")
                .setPrimary(true)));
        user.setExternalId("ext-" + name + "-" + suffix);
        return user;
    }

    GroupResource licenseGroup() throws ScimException {
        ListResponse<GroupResource> found = scim.searchRequest("Groups")
                .filter("displayName eq \"" + LICENSE_GROUP + "\"").invoke(GroupResource.class);
        if (found.getTotalResults() == 1) {
            return found.getResources().get(0);
        }
        return scim.create("Groups", new GroupResource().setDisplayName(LICENSE_GROUP));
    }

    JsonObject apiUser(String upn) {
        Api.Reply reply = admin.get("users/" + upn);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void discoveryDescribesWhatIsSupported() throws ScimException {
        var config = scim.getServiceProviderConfig();
        assertTrue(config.getPatch().isSupported());
        assertTrue(config.getFilter().isSupported());
        assertFalse(config.getBulk().isSupported());
        assertEquals(Set.of("User", "Group"), new TreeSet<>(scim.getResourceTypes().getResources().stream()
                .map(r -> r.getName()).toList()));
        assertEquals(2, scim.getSchemas().getTotalResults());
        assertEquals("User", scim.getSchema("urn:ietf:params:scim:schemas:core:2.0:User").getName());
    }

    @Test
    void userLifecycleCreateReadFindReplacePatchDelete() throws Exception {
        UserResource created = scim.create("Users", newUser("grace").setPreferredLanguage("fr-FR")
                .setAddresses(List.of(new Address().setType("work").setCountry("FR"))));
        String upn = "grace." + suffix + "@contoso.com";
        assertEquals(upn, created.getUserName());
        assertTrue(created.getActive());
        assertEquals("grace." + suffix + "@mail.contoso.com", created.getEmails().get(0).getValue());

        JsonObject user = apiUser(upn);
        assertEquals("grace " + suffix, user.getString("displayName"));
        assertEquals("fr-FR", user.getString("preferredLanguage"));
        assertEquals("FR", user.getString("country"));
        assertFalse(user.getBoolean("audioConferencingLicense"), "no license outside the license group");

        for (String filter : List.of("userName eq \"" + upn.toUpperCase() + "\"",
                "externalId eq \"ext-grace-" + suffix + "\"",
                "emails.value eq \"grace." + suffix + "@mail.contoso.com\"",
                "emails[type eq \"work\" and value eq \"grace." + suffix + "@mail.contoso.com\"]")) {
            ListResponse<UserResource> found = scim.searchRequest("Users").filter(filter).invoke(UserResource.class);
            assertEquals(1, found.getTotalResults(), filter);
            assertEquals(created.getId(), found.getResources().get(0).getId(), filter);
        }
        assertEquals(scim.retrieve("Users", created.getId(), UserResource.class).getUserName(), upn);

        UserResource replacement = scim.retrieve("Users", created.getId(), UserResource.class);
        replacement.setDisplayName("Grace Hopper");
        UserResource replaced = scim.replace(replacement);
        assertEquals("Grace Hopper", replaced.getDisplayName());
        assertEquals("Grace Hopper", apiUser(upn).getString("displayName"));

        UserResource patched = scim.modify("Users", created.getId(), new PatchRequest(
                PatchOperation.replace("active", false)), UserResource.class);
        assertFalse(patched.getActive());

        scim.delete("Users", created.getId());
        ScimException gone = assertThrows(ScimException.class,
                () -> scim.retrieve("Users", created.getId(), UserResource.class));
        assertEquals(404, gone.getScimError().getStatus());
        assertEquals(404, admin.get("users/" + upn).status());
        assertEquals(0, scenario.emails(upn, null).size(), "a user outside the license group got no email");
    }

    @Test
    void theLicenseGroupGivesAndTakesTheLicenseWithItsEmails() throws Exception {
        UserResource ada = scim.create("Users", newUser("ada"));
        UserResource alan = scim.create("Users", newUser("alan"));
        GroupResource group = licenseGroup();
        scim.modify("Groups", group.getId(), new PatchRequest(PatchOperation.add("members",
                ScimClient.members(List.of(ada.getId(), alan.getId())))), GroupResource.class);

        for (UserResource user : List.of(ada, alan)) {
            JsonObject email = scenario.awaitSent(user.getUserName(), "LICENSE_ASSIGNED", 1).get(0);
            MimeMessage mail = scenario.receivedFor(email);
            assertEquals(user.getEmails().get(0).getValue(),
                    ((jakarta.mail.internet.InternetAddress) mail.getAllRecipients()[0]).getAddress());
            String text = AutomaticEmailsIT.text(mail);
            assertTrue(text.contains(apiUser(user.getUserName()).getString("conferenceId")), text);
            assertTrue(text.matches("(?s).*\\b\\d{5}\\b.*"), "a 5-digit PIN in: " + text);
            assertTrue(apiUser(user.getUserName()).getBoolean("audioConferencingLicense"));
        }
        List<String> groupsOfAda = scim.retrieve("Users", ada.getId(), UserResource.class).getGroups().stream()
                .map(g -> g.getDisplay()).toList();
        assertTrue(groupsOfAda.contains(LICENSE_GROUP), groupsOfAda.toString());
        ListResponse<GroupResource> withAda = scim.searchRequest("Groups")
                .filter("members[value eq \"" + ada.getId() + "\"]").invoke(GroupResource.class);
        assertEquals(List.of(group.getId()), withAda.getResources().stream().map(GroupResource::getId).toList());

        // Leaving the group: DIAL_IN_DISABLED, license gone.
        scim.modify("Groups", group.getId(), new PatchRequest(PatchOperation.remove(
                "members[value eq \"" + alan.getId() + "\"]")), GroupResource.class);
        scenario.awaitSent(alan.getUserName(), "DIAL_IN_DISABLED", 1);
        assertFalse(apiUser(alan.getUserName()).getBoolean("audioConferencingLicense"));

        // Deactivated while in the group: DIAL_IN_DISABLED; active again: a new LICENSE_ASSIGNED with a new PIN.
        scim.modify("Users", ada.getId(), new PatchRequest(PatchOperation.replace("active", false)),
                UserResource.class);
        scenario.awaitSent(ada.getUserName(), "DIAL_IN_DISABLED", 1);
        assertFalse(apiUser(ada.getUserName()).getBoolean("audioConferencingLicense"));
        scim.modify("Users", ada.getId(), new PatchRequest(PatchOperation.replace("active", true)),
                UserResource.class);
        scenario.awaitSent(ada.getUserName(), "LICENSE_ASSIGNED", 2);
        assertEquals(3, scenario.emails(ada.getUserName(), null).size());
        assertEquals(2, scenario.emails(alan.getUserName(), null).size());
        assertEquals(3, scenario.received(ada.getEmails().get(0).getValue()).size(), "at the SMTP server");

        // The audit trail names the provisioner and its token for each SCIM change.
        Api.Reply audit = admin.get("audit?action=scim&actor=" + provisioner + "&size=200");
        assertEquals(200, audit.status(), audit.body());
        List<String> actions = audit.json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("action") + " " + v.asJsonObject().getString("actorToken"))
                .toList();
        assertTrue(actions.contains("scim.group.patch entra"), actions.toString());
        assertTrue(actions.contains("scim.user.create entra"), actions.toString());
    }

    @Test
    void filtersAndPaging() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(scim.create("Users", newUser("page" + i)).getId());
        }
        String filter = "userName sw \"page\" and userName ew \"." + suffix + "@contoso.com\"";
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= 5; start += 2) {
            ListResponse<UserResource> page = scim.searchRequest("Users").filter(filter).page(start, 2)
                    .invoke(UserResource.class);
            assertEquals(5, page.getTotalResults());
            assertEquals(start, page.getStartIndex());
            assertEquals(start == 5 ? 1 : 2, page.getItemsPerPage());
            page.getResources().forEach(u -> seen.add(u.getId()));
        }
        assertEquals(new TreeSet<>(ids), new TreeSet<>(seen));
        assertEquals(5, seen.size(), "no user on two pages");
        assertEquals(0, scim.searchRequest("Users").filter(filter).page(6, 2).invoke(UserResource.class)
                .getResources().size());
        assertEquals(5, scim.searchRequest("Users").filter("not (active eq \"false\") and " + filter)
                .invoke(UserResource.class).getTotalResults());
        ScimClient.Reply count0 = raw.call("GET", "Users?count=0&filter=" + java.net.URLEncoder.encode(filter,
                java.nio.charset.StandardCharsets.UTF_8), null);
        assertEquals(5, count0.json().getInt("totalResults"));
        assertEquals(0, count0.json().getJsonArray("Resources").size());

        ScimException unsupported = assertThrows(ScimException.class,
                () -> scim.searchRequest("Users").filter("title eq \"x\"").invoke(UserResource.class));
        assertEquals("invalidFilter", unsupported.getScimError().getScimType());
    }

    @Test
    void errorsAreScimErrorDocumentsAndARetriedCreateMakesNoSecondUser() throws Exception {
        UserResource first = scim.create("Users", newUser("retry"));
        ScimException again = assertThrows(ScimException.class, () -> scim.create("Users", newUser("retry")));
        assertEquals(409, again.getScimError().getStatus());
        assertEquals("uniqueness", again.getScimError().getScimType());
        assertEquals(1, scim.searchRequest("Users").filter("userName eq \"" + first.getUserName() + "\"")
                .invoke(UserResource.class).getTotalResults());

        ScimClient.Reply missing = raw.call("GET", "Users/" + UUID.randomUUID(), null);
        assertScimError(missing, 404, null);
        assertScimError(raw.call("POST", "Users", "{\"displayName\": \"nobody\"}"), 400, "invalidValue");
        assertScimError(raw.call("POST", "Users", "{\"userName\": \"not an address\"}"), 400, "invalidValue");
        assertScimError(raw.call("POST", "Users", "{\"userName\": "), 400, "invalidSyntax");
        assertScimError(raw.call("PATCH", "Users/" + first.getId(), ScimClient.patch(
                "[{\"op\": \"jump\", \"path\": \"active\", \"value\": true}]")), 400, "invalidSyntax");
        assertScimError(raw.call("GET", "Users?filter=userName%20eq", null), 400, "invalidFilter");
        assertScimError(raw.call("GET", "Users?startIndex=abc", null), 400, "invalidValue");
        assertScimError(raw.call("POST", "Groups", "{\"displayName\": \"g-" + suffix + "\", \"members\":"
                + " [{\"value\": \"" + UUID.randomUUID() + "\"}]}"), 400, "invalidValue");
        assertScimError(raw.call("GET", "Users", null, null), 401, null);
        assertScimError(raw.call("GET", "Users", null, "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("admin:" + Api.ADMIN_PASSWORD).getBytes())), 401, null);
        assertScimError(raw.call("GET", "Users", null, "Bearer cmt_nonsense"), 401, null);
        String adminToken = new Accounts(base).token("admin", "not-scim-" + suffix, null, null)[1];
        assertScimError(raw.call("GET", "Users", null, "Bearer " + adminToken), 403, null);
        // ...and the provisioner reaches nothing of the API, nor the health details.
        Api provisionerApi = Api.bearer(base, raw.token);
        assertEquals(403, provisionerApi.get("users").status());
        assertEquals(403, provisionerApi.get("accounts").status());
        assertFalse(provisionerApi.get("../../health/ready").body().contains("checks"));
    }

    static void assertScimError(ScimClient.Reply reply, int status, String scimType) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/scim+json"), reply.contentType());
        JsonObject error = reply.json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", error.getJsonArray("schemas").getString(0));
        assertEquals(String.valueOf(status), error.getString("status"), "status as a string");
        assertFalse(error.getString("detail", "").isBlank(), reply.body());
        if (scimType != null) {
            assertEquals(scimType, error.getString("scimType"), reply.body());
        }
    }

    @Test
    void quirkyIdentityProviderPatchForms() throws Exception {
        UserResource user = scim.create("Users", newUser("quirk"));
        String path = "Users/" + user.getId();
        // Entra ID: capitalised op names, booleans as strings, a filtered path.
        ScimClient.Reply entra = raw.call("PATCH", path, ScimClient.patch("""
                [{"op": "Replace", "path": "active", "value": "False"},
                 {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "quirk.new@contoso.com"},
                 {"op": "Add", "path": "addresses[type eq \\"work\\"].country", "value": "DE"},
                 {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                  "value": "Research"}]"""));
        assertEquals(200, entra.status(), entra.body());
        JsonObject api = apiUser(user.getUserName());
        assertEquals("quirk.new@contoso.com", api.getString("email"));
        assertEquals("DE", api.getString("country"));
        assertFalse(entra.json().getBoolean("active"));
        // Okta: a value object without a path, with dotted and upper-case names.
        ScimClient.Reply okta = raw.call("PATCH", path, ScimClient.patch("""
                [{"op": "replace", "value": {"Active": "true", "name.givenName": "Quinn",
                  "displayName": "Quinn Quirk"}}]"""));
        assertEquals(200, okta.status(), okta.body());
        assertTrue(okta.json().getBoolean("active"));
        assertEquals("Quinn", okta.json().getJsonObject("name").getString("givenName"));
        assertEquals("Quinn Quirk", apiUser(user.getUserName()).getString("displayName"));

        // Entra ID's member removal: path "members" with the members as the value; a group rename.
        GroupResource group = scim.create("Groups", new GroupResource().setDisplayName("Sales " + suffix)
                .setMembers(List.of(new Member().setValue(user.getId()))));
        ScimClient.Reply removal = raw.call("PATCH", "Groups/" + group.getId() + "?excludedAttributes=members",
                ScimClient.patch("[{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"value\": \""
                        + user.getId() + "\"}]}, {\"op\": \"Replace\", \"path\": \"displayName\", \"value\":"
                        + " \"Sales EMEA " + suffix + "\"}]"));
        assertEquals(200, removal.status(), removal.body());
        assertFalse(removal.json().containsKey("members"));
        GroupResource after = scim.retrieve("Groups", group.getId(), GroupResource.class);
        assertEquals("Sales EMEA " + suffix, after.getDisplayName());
        assertTrue(after.getMembers() == null || after.getMembers().isEmpty(), String.valueOf(after.getMembers()));
        assertScimError(raw.call("POST", "Groups", "{\"displayName\": \"sales emea " + suffix + "\"}"), 409,
                "uniqueness");
        assertEquals(0, scenario.emails(user.getUserName(), null).size(), "no license group, no email");
    }
}
