package org.confmail.conferencing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.confmail.platform.database.UtcInstantConverter;

/**
 * A CSV import of users started in the admin portal: who started it, which instance runs it, and how far it got, so
 * that every instance shows the same progress. Its line errors are {@link UserImportError} rows.
 */
@Entity
@Table(name = "user_import_job")
public class UserImportJob {

    @Id
    private String id;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "started_by")
    private String startedBy;

    /** The incarnation ({@code sender_instance}) whose background thread runs the job. */
    private String runner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserImportState state;

    @Column(nullable = false)
    private int total;

    @Column(name = "lines_done", nullable = false)
    private int done;

    @Column(nullable = false)
    private int created;

    @Column(nullable = false)
    private int failed;

    @Column(name = "errors_not_kept", nullable = false)
    private int errorsNotKept;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected UserImportJob() {
    }

    public UserImportJob(String fileName, String startedBy, String runner, int total) {
        this.id = UUID.randomUUID().toString();
        this.fileName = fileName;
        this.startedBy = startedBy;
        this.runner = runner;
        this.state = UserImportState.RUNNING;
        this.total = total;
        this.startedAt = Instant.now();
        this.updatedAt = startedAt;
    }

    /** A chunk is done: the counts so far, and how many of its errors were not kept. */
    public void progressed(int done, int created, int errorsNotKept) {
        this.done = done;
        this.created = created;
        this.failed = done - created;
        this.errorsNotKept += errorsNotKept;
        this.updatedAt = Instant.now();
    }

    public void finished(UserImportState state) {
        this.state = state;
        this.finishedAt = Instant.now();
        this.updatedAt = finishedAt;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String startedBy() {
        return startedBy;
    }

    public String runner() {
        return runner;
    }

    public UserImportState state() {
        return state;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public int created() {
        return created;
    }

    public int failed() {
        return failed;
    }

    public int errorsNotKept() {
        return errorsNotKept;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** Percent of the lines tried, 0 to 100: 100 once done; where it stopped when interrupted. */
    public int percent() {
        if (state == UserImportState.DONE || total == 0) {
            return state == UserImportState.DONE ? 100 : 0;
        }
        return (int) Math.min(100, (long) done * 100 / total);
    }
}
