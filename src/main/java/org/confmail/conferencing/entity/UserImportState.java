package org.confmail.conferencing.entity;

/** Where a portal import of users stands. */
public enum UserImportState {
    /** Its instance is creating the users. */
    RUNNING,
    /** Every line was tried. */
    DONE,
    /** Its instance stopped (or the job failed) before every line was tried; the lines done so far stay done. */
    INTERRUPTED
}
