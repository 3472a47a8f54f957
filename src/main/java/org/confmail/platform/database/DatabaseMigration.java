package org.confmail.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
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
                // Portable migrations, then those written in one database's own syntax.
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .load();
    }

    /**
     * The folder of this database's own migrations under {@code db/vendor}: "h2" or "postgresql". Flyway has no
     * placeholder for it (a "{vendor}" in a location is read as a folder of that name, so PostgreSQL's trigram
     * indexes were never created until this named the folder itself).
     */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway(dataSource).migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }
}
