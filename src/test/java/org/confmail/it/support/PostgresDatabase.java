package org.confmail.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A database of the test's own on the PostgreSQL server the system tests are given (-Dconfmail.it.postgres.*:
 * 127.0.0.1:5432, trust auth by default), dropped on close; for tests that run several instances on one database.
 * Or, read only, the database the build made for the PostgreSQL run's server ({@link #ofThisRun()}).
 */
public final class PostgresDatabase implements AutoCloseable {

    private final String name;
    private final boolean owned;

    private PostgresDatabase(String name, boolean owned) {
        this.name = name;
        this.owned = owned;
    }

    public static PostgresDatabase create(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE DATABASE " + name);
        return new PostgresDatabase(name, true);
    }

    /** The database of the PostgreSQL run's server (-Dconfmail.it.postgres.database); the build drops it, not close. */
    public static PostgresDatabase ofThisRun() {
        return new PostgresDatabase(System.getProperty("confmail.it.postgres.database"), false);
    }

    public String name() {
        return name;
    }

    public static String host() {
        return System.getProperty("confmail.it.postgres.host", "127.0.0.1");
    }

    public static int port() {
        return Integer.parseInt(System.getProperty("confmail.it.postgres.port", "5432"));
    }

    public static String user() {
        return System.getProperty("confmail.it.postgres.user", "postgres");
    }

    public static String password() {
        return System.getProperty("confmail.it.postgres.password", "postgres");
    }

    /** The JDBC URL through another host and port (a proxy in front of the server). */
    public String url(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String url() {
        return url(host(), port());
    }

    /** The settings that put an instance on this database. */
    public Map<String, String> settings(String url) {
        return Map.of("CONFMAIL_DB_URL", url, "CONFMAIL_DB_USER", user(), "CONFMAIL_DB_PASSWORD", password());
    }

    public int count(String sql) {
        try (Connection c = connect(name); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A two-column query (a key and a count) as a sorted map. */
    public Map<String, Integer> counts(String sql) {
        Map<String, Integer> counts = new TreeMap<>();
        pairs(sql).forEach((key, count) -> counts.put(key, Integer.parseInt(count)));
        return counts;
    }

    /** A two-column query as a sorted map of its text values. */
    public Map<String, String> pairs(String sql) {
        Map<String, String> pairs = new TreeMap<>();
        try (Connection c = connect(name); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                pairs.put(String.valueOf(rs.getString(1)), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pairs;
    }

    @Override
    public void close() throws SQLException {
        if (owned) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = connect(System.getProperty("confmail.it.postgres.admin.database", "postgres"));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + database, user(),
                password());
    }
}
