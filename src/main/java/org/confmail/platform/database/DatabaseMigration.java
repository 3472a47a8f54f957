package org.confmail.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Declares the application's data source and brings its schema up to date with the Flyway migrations in
 * {@code db/migration} before any other startup bean touches the database. EclipseLink never generates DDL here.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATA_SOURCE,
        className = "org.confmail.platform.database.UrlSelectedDataSource",
        url = "${MPCONFIG=confmail.db.url}",
        user = "${MPCONFIG=confmail.db.user}",
        password = "${MPCONFIG=confmail.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            // Re-validate pooled connections, so that a database restart costs one failed check, not failed requests.
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=auto-commit",
            "fish.payara.fail-all-connections=true"
        })
@Singleton
@Startup
@DependsOn("ConfigurationCheck")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/confmail";

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    /** The one Flyway set-up: the migration, and readiness's check that none is pending. */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                // Portable migrations, then the few that only one database can run (PostgreSQL's trigram indexes).
                .locations("classpath:db/migration", "classpath:db/vendor/{vendor}")
                .load();
    }

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway(dataSource).migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }
}
