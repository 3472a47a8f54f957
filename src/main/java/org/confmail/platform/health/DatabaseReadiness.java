package org.confmail.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.confmail.platform.database.DatabaseMigration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers and its schema is up to date (the Flyway migrations run at start-up, after
 * Payara already answers health checks): without it no request can be stored.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    /** Once the schema was seen up to date, it stays so for this instance's lifetime. */
    private volatile boolean schemaCurrent;

    @Override
    public HealthCheckResponse call() {
        if (!schemaCurrent) {
            // Payara answers health checks while the application's startup beans (the migration) still run.
            try {
                int pending = DatabaseMigration.flyway(dataSource).info().pending().length;
                if (pending > 0) {
                    return HealthCheckResponse.named("database").down()
                            .withData("schema", pending + " migration(s) not applied yet").build();
                }
                schemaCurrent = true;
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage()))
                        .build();
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("database").status(valid)
                    .withData("product", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
        }
    }
}
