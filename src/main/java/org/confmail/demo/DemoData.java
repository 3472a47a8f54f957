package org.confmail.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.control.NewBridge;
import org.confmail.conferencing.control.NewServiceNumber;
import org.confmail.conferencing.control.NewUser;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.platform.config.ConfmailConfig;

/**
 * With {@code CONFMAIL_DEMO_DATA=true}, fills an empty installation with a bridge that has numbers in a few
 * countries and users in English and French, through the same services the API uses.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    ConfmailConfig config;

    @Inject
    BridgeService bridges;

    @Inject
    UserService users;

    @PostConstruct
    void load() {
        if (!config.demoData() || !bridges.list().isEmpty()) {
            return;
        }
        Bridge bridge = bridges.create(new NewBridge("Contoso Global Bridge", true));
        number(bridge, "+14255550100", "TOLL", "US", "Seattle", "en-US");
        number(bridge, "+18005550199", "TOLL_FREE", "US", null, "en-US");
        number(bridge, "+33155550100", "TOLL", "FR", "Paris", "fr-FR");
        number(bridge, "+33805550100", "TOLL_FREE", "FR", null, "fr-FR");
        number(bridge, "+442079460100", "TOLL", "GB", "London", "en-GB");
        number(bridge, "+4930555501000", "TOLL", "DE", "Berlin", "de-DE");
        number(bridge, "+15145550100", "TOLL", "CA", "Montréal", "fr-CA");

        user("ada.lovelace@contoso.example", "Ada Lovelace", "en-GB", "GB");
        user("grace.hopper@contoso.example", "Grace Hopper", "en-US", "US");
        user("marie.curie@contoso.example", "Marie Curie", "fr-FR", "FR");
        user("jeanne.leblanc@contoso.example", "Jeanne Leblanc", "fr-CA", "CA");
        user("zoe.muller@contoso.example", "Zoë Müller", "de-DE", "DE");
        LOG.info("Loaded the demo data: bridge 'Contoso Global Bridge' with 7 numbers and 5 users");
    }

    private void number(Bridge bridge, String e164, String type, String country, String city, String language) {
        bridges.addNumber(bridge.id(), new NewServiceNumber(e164, type, country, city, List.of(language)), null);
    }

    private void user(String upn, String name, String language, String country) {
        users.create(new NewUser(upn, name, null, language, country, true, "SELF_HOSTED", null, null, null, null,
                true, null));
    }
}
