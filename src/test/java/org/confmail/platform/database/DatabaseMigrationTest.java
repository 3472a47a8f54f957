package org.confmail.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The migrations on a real (in-memory) H2 database: the portable ones and H2's own, with the search column. */
class DatabaseMigrationTest {

    @Test
    void h2RunsThePortableMigrationsAndItsOwnWhoseSearchColumnJoinsTheThreeFieldsLowered()
            throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        assertEquals("h2", DatabaseMigration.vendor(h2));

        Flyway flyway = DatabaseMigration.flyway(h2);
        flyway.migrate();
        assertEquals(0, flyway.info().pending().length);
        assertTrue(Arrays.stream(flyway.info().applied()).map(MigrationInfo::getScript)
                .anyMatch(script -> script.equals("V12__users_search_text.sql")), "H2's own V12 was applied");

        try (Connection db = h2.getConnection()) {
            db.createStatement().execute("INSERT INTO conferencing_user (id, user_principal_name, display_name, email,"
                    + " audio_conferencing_license, provider, allow_toll_free_dial_in, conference_id, created_at,"
                    + " updated_at, version, active) VALUES ('u1', 'ada@contoso.com', 'Ada LOVELACE',"
                    + " 'ada@contoso.com', TRUE, 'SELF_HOSTED', TRUE, '1234567', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                    + " 0, TRUE)");
            try (ResultSet row = db.createStatement().executeQuery(
                    "SELECT search_text FROM conferencing_user WHERE id = 'u1'")) {
                assertTrue(row.next());
                assertEquals("ada@contoso.com\nada lovelace\n1234567", row.getString(1));
            }
            try (ResultSet index = db.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                    + " WHERE INDEX_NAME = 'IX_USER_UPN_SEARCH_TEXT'")) {
                assertTrue(index.next() && index.getInt(1) == 1, "H2's V13 index for searches in UPN order");
            }
        }
    }
}
