package org.confmail.platform.database;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** What a failure says about the database, for those that answer or log differently while it is away. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * Whether a failure comes from a database that cannot be reached: a connection the pool could not open
     * (a connector {@code ResourceException}) or a JDBC connection error (SQLState class 08).
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
