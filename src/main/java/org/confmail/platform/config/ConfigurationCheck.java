package org.confmail.platform.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Checks the configuration before anything else starts. A bad value must stop the start with one line that names
 * the variable, rather than surface later as an obscure failure inside the database pool or the mail transport.
 */
@Singleton
@Startup
public class ConfigurationCheck {

    private static final Logger LOG = Logger.getLogger(ConfigurationCheck.class.getName());

    @Inject
    ConfmailConfig config;

    @PostConstruct
    void check() {
        List<String> problems = config.problems();
        if (problems.isEmpty()) {
            return;
        }
        String line = "confmail cannot start: " + String.join("; ", problems);
        LOG.severe(line);
        if (!Boolean.getBoolean("confmail.keep.running.on.config.error")) {
            // Exit from another thread: System.exit inside a deployment would wait on the deployment itself.
            Thread exit = new Thread(() -> System.exit(2), "confmail-config-exit");
            exit.setDaemon(false);
            exit.start();
        }
        throw new IllegalStateException(line);
    }
}
