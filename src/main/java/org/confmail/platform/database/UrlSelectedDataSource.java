package org.confmail.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source class named by {@code @DataSourceDefinition}: it picks the vendor data source from the JDBC URL,
 * so that {@code CONFMAIL_DB_URL=jdbc:postgresql:...} alone switches from the embedded H2 file to PostgreSQL,
 * without a second variable for the driver class. Payara pools the connections it hands out.
 */
public class UrlSelectedDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private volatile DataSource vendor;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    // Payara passes the annotation's defaults for these; the URL already says where the database is.
    public void setServerName(String ignored) {
    }

    public void setDatabaseName(String ignored) {
    }

    public void setPortNumber(int ignored) {
    }

    private DataSource vendor() throws SQLException {
        DataSource current = vendor;
        if (current == null) {
            if (url != null && url.startsWith("jdbc:postgresql:")) {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url);
                pg.setUser(user);
                pg.setPassword(password);
                current = pg;
            } else if (url != null && url.startsWith("jdbc:h2:")) {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(url);
                h2.setUser(user);
                h2.setPassword(password);
                current = h2;
            } else {
                throw new SQLException("CONFMAIL_DB_URL must start with jdbc:h2: or jdbc:postgresql:");
            }
            vendor = current;
        }
        return current;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return vendor().getConnection();
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return vendor().getConnection(username, pass);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return vendor().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || vendor().isWrapperFor(type);
    }
}
