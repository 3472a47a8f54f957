package org.confmail.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rolling upgrades: the first instance of a new version migrates the schema while instances of the old version still
 * run on it, so a migration may only expand the schema (new tables, nullable or defaulted columns, indexes). Dropping,
 * renaming or retyping, or making a column NOT NULL without a default, breaks the old instances; that belongs in a
 * later release's migration whose name says {@code contract_}, once no old instance can run. Migrations up to
 * {@link #LAST_BEFORE_ROLLING_UPGRADES} were released before rolling upgrades were supported.
 */
class MigrationsExpandOnlyTest {

    static final int LAST_BEFORE_ROLLING_UPGRADES = 8;
    /** db/migration and the vendor-specific db/vendor/{vendor} beside it. */
    static final Path MIGRATIONS = Path.of("src/main/resources/db");
    static final Pattern FILE = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    static final List<Pattern> CONTRACTING = List.of(
            Pattern.compile("\\bDROP\\s+(TABLE|COLUMN|VIEW|SEQUENCE)\\b"),
            Pattern.compile("\\bRENAME\\b"),
            Pattern.compile("\\bALTER\\s+COLUMN\\s+\\S+\\s+(SET\\s+DATA\\s+)?TYPE\\b"),
            Pattern.compile("\\bSET\\s+NOT\\s+NULL\\b"),
            Pattern.compile("\\bADD\\s+(COLUMN\\s+)?(?:(?!\\bDEFAULT\\b)[^,;])*\\bNOT\\s+NULL\\b"));

    @Test
    void everyMigrationSinceRollingUpgradesOnlyExpandsTheSchema() throws IOException {
        List<String> offences = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                assertTrue(name.matches(), "a Flyway versioned migration: " + file);
                if (Integer.parseInt(name.group(1)) <= LAST_BEFORE_ROLLING_UPGRADES
                        || name.group(2).toLowerCase(Locale.ROOT).startsWith("contract_")) {
                    continue;
                }
                checked++;
                offences.addAll(contractions(file.getFileName() + ": ", Files.readString(file)));
            }
        }
        assertEquals(List.of(), offences, "these would break the instances of the previous version still running;"
                + " move them to a later contract_ migration");
        System.out.println("[MigrationsExpandOnlyTest] " + checked + " migration(s) after V"
                + LAST_BEFORE_ROLLING_UPGRADES + " checked");
    }

    @Test
    void everyVersionIsUsedOnceInWhatEachDatabaseRuns() throws IOException {
        // Flyway reads db/migration and db/vendor/<the database> together: one version twice stops the start there.
        // One migration written in each database's syntax (db/vendor/h2 and db/vendor/postgresql) is one version
        // per database, which is allowed.
        java.util.Map<String, List<String>> byVersion = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher name = FILE.matcher(f.getFileName().toString());
                assertTrue(name.matches(), "a Flyway versioned migration: " + f);
                byVersion.computeIfAbsent(name.group(1), v -> new ArrayList<>()).add(MIGRATIONS.relativize(f).toString());
            });
        }
        List<List<String>> clashes = new ArrayList<>();
        for (List<String> files : byVersion.values()) {
            for (String vendor : List.of("h2", "postgresql")) {
                List<String> run = files.stream().filter(f -> !f.startsWith("vendor/")
                        || f.startsWith("vendor/" + vendor + "/")).toList();
                if (run.size() > 1 && !clashes.contains(run)) {
                    clashes.add(run);
                }
            }
        }
        assertEquals(List.of(), clashes, "versions used twice in what one database runs");
    }

    @Test
    void theRuleCatchesWhatBreaksAnOldInstanceAndLetsExpansionsThrough() {
        for (String breaking : List.of("ALTER TABLE a DROP COLUMN b;", "drop table a;",
                "ALTER TABLE a RENAME COLUMN b TO c;", "ALTER TABLE a ALTER COLUMN b TYPE BIGINT;",
                "ALTER TABLE a ALTER COLUMN b SET NOT NULL;", "ALTER TABLE a ADD COLUMN b INT NOT NULL;")) {
            assertEquals(1, contractions("", breaking).size(), breaking);
        }
        for (String expanding : List.of("CREATE TABLE a (id INT NOT NULL PRIMARY KEY, b VARCHAR(10) NOT NULL);",
                "ALTER TABLE a ADD COLUMN b INT;", "ALTER TABLE a ADD COLUMN b BOOLEAN DEFAULT TRUE NOT NULL;",
                "CREATE INDEX ix_a_b ON a (b);", "-- we never DROP COLUMN here\nALTER TABLE a ADD COLUMN c INT;")) {
            assertEquals(List.of(), contractions("", expanding), expanding);
        }
    }

    static List<String> contractions(String where, String sql) {
        String statements = sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ")
                .toUpperCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String statement : statements.split(";")) {
            if (statement.strip().startsWith("CREATE TABLE")) {
                continue;
            }
            for (Pattern p : CONTRACTING) {
                if (p.matcher(statement).find()) {
                    found.add(where + statement.strip().replaceAll("\\s+", " "));
                    break;
                }
            }
        }
        return found;
    }
}
