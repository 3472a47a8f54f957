package org.confmail.conferencing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One line of a portal import that failed: its number in the file, the field at fault (if one is), and why. */
@Entity
@Table(name = "user_import_error")
@IdClass(UserImportError.Key.class)
public class UserImportError {

    /** The most characters of a message kept (the column's size). */
    public static final int MESSAGE_LENGTH = 1000;

    /** The primary key: the job and the error's place in it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String jobId;
        private int seq;

        public Key() {
        }

        public Key(String jobId, int seq) {
            this.jobId = jobId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(jobId, key.jobId) && seq == key.seq;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(jobId, seq);
        }
    }

    @Id
    @Column(name = "job_id")
    private String jobId;

    /** Its place among the job's kept errors, from 0. */
    @Id
    private int seq;

    @Column(name = "line_number", nullable = false)
    private long line;

    private String field;

    @Column(nullable = false)
    private String message;

    protected UserImportError() {
    }

    public UserImportError(String jobId, int seq, long line, String field, String message) {
        this.jobId = jobId;
        this.seq = seq;
        this.line = line;
        this.field = field == null ? null : storable(field, 100);
        this.message = storable(message == null ? "" : message, MESSAGE_LENGTH);
    }

    /**
     * Text a column takes on every database: control characters (a NUL, which PostgreSQL refuses, quoted from a bad
     * line) shown as U+FFFD, and at most {@code max} characters.
     */
    public static String storable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.SURROGATE ? 0xFFFD : c));
        if (out.length() <= max) {
            return out.toString();
        }
        int end = Character.isHighSurrogate(out.charAt(max - 2)) ? max - 2 : max - 1;
        return out.substring(0, end) + "…";
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String message() {
        return message;
    }
}
