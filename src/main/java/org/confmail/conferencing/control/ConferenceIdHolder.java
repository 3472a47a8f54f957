package org.confmail.conferencing.control;

/**
 * A feature outside conferencing that gives out conference IDs of its own (Jitsi rooms, for one). The uniqueness
 * rule in {@link ConferenceIds} asks every holder, so that a user's ID, a meeting's and a holder's never meet, and
 * conferencing needs to know nothing about the holders.
 */
public interface ConferenceIdHolder {

    /** Whether {@code conferenceId} is one this holder has given out. */
    boolean holds(String conferenceId);
}
