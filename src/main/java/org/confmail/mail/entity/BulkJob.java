package org.confmail.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.confmail.platform.database.TrackedEntity;

/**
 * One bulk send: how many emails it will make, how many it has made so far, and (for "all users") where it
 * stopped, so that a restart resumes it without sending anyone twice.
 */
@Entity
@Table(name = "bulk_job")
public class BulkJob extends TrackedEntity {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmailKind kind;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "all_users", nullable = false)
    private boolean allUsers;

    @Column(nullable = false)
    private int total;

    @Column(name = "created_rows", nullable = false)
    private int createdRows;

    @Column(name = "cursor_upn")
    private String cursorUpn;


    protected BulkJob() {
    }

    public BulkJob(EmailKind kind, String requestedBy, boolean allUsers, int total) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.requestedBy = requestedBy;
        this.allUsers = allUsers;
        this.total = total;
    }

    public String id() {
        return id;
    }

    public boolean allUsers() {
        return allUsers;
    }

    public int total() {
        return total;
    }

    public int createdRows() {
        return createdRows;
    }

    public String cursorUpn() {
        return cursorUpn;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public void progressed(int rows, String lastUpn) {
        createdRows += rows;
        cursorUpn = lastUpn;
        touch();
    }

    public boolean allCreated() {
        return createdRows >= total;
    }
}
