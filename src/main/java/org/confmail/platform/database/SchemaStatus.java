package org.confmail.platform.database;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether the Flyway migrations have run in this instance: until then the application is not ready. */
@ApplicationScoped
public class SchemaStatus {

    private volatile Object version;

    public boolean migrated() {
        return version != null;
    }

    public Object version() {
        return version;
    }

    void migrated(Object schemaVersion) {
        this.version = schemaVersion == null ? "none" : schemaVersion;
    }
}
