package org.confmail.it;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/** The real SMTP server the system tests read: GreenMail on the port the build reserved and told Payara. */
final class TestSmtp {

    private TestSmtp() {
    }

    /** One server for the whole test class, accepting mail for any address. */
    static GreenMailExtension perClass() {
        return new GreenMailExtension(
                new ServerSetup(Integer.getInteger("confmail.it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }
}
