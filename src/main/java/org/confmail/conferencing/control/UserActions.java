package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.confmail.audit.control.AuditTrail;
import org.confmail.conferencing.control.DialInNotifications.DialIn;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.Meeting;
import org.confmail.platform.problem.Standards;
import org.confmail.platform.problem.Violations;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;

/**
 * What admins and operators do to a user's dial-in besides editing it: reset the PIN or the conference ID, schedule
 * a meeting. Each needs the user to {@linkplain ConferencingUser#hasDialIn() have dial-in}, except a conference ID
 * reset, which gives a user without dial-in their next ID quietly.
 */
@ApplicationScoped
@Transactional
public class UserActions {

    public static final int MAX_MEETING_SUBJECT_LENGTH = 300;

    public record PinReset(String pin, String emailId) {
    }

    public record ConferenceIdReset(String conferenceId, String emailId) {
    }

    public record ScheduledMeeting(Meeting meeting, DialInInfo dialIn) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserDirectory directory;

    @Inject
    DialInAnnouncer announcer;

    @Inject
    DialInInfoService dialInInfos;

    @Inject
    ConferenceIds conferenceIds;

    @Inject
    org.confmail.tenant.control.DialInSettingsService settings;

    @Inject
    AuditTrail audit;

    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR}, action = "user.pin-reset")
    public PinReset resetPin(String upn) {
        ConferencingUser user = directory.find(upn);
        UserDirectory.requireDialIn(user);
        PinReset reset = announcer.resetPin(user);
        audit.detail(reset.emailId() == null ? "no email (automatic emails are off)" : "email " + reset.emailId());
        return reset;
    }

    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR}, action = "user.conference-id-reset")
    public ConferenceIdReset resetConferenceId(String upn) {
        ConferencingUser user = directory.find(upn);
        DialIn before = DialIn.of(user);
        user.setConferenceId(conferenceIds.next());
        user.touch();
        String emailId = announcer.announce(user, before);
        audit.detail("new conference ID " + user.conferenceId() + (emailId == null ? "" : ", email " + emailId));
        return new ConferenceIdReset(user.conferenceId(), emailId);
    }

    /** A meeting's dial-in: a fresh unique conference ID with dynamic IDs, else the organizer's static one. */
    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR}, action = "meeting.schedule")
    public ScheduledMeeting scheduleMeeting(String upn, String subject, Instant startsAt) {
        subject = subject == null || subject.isBlank() ? null : subject.strip();
        ConferencingUser user = directory.find(upn);
        UserDirectory.requireDialIn(user);
        new Violations()
                .check(subject == null || subject.length() <= MAX_MEETING_SUBJECT_LENGTH, "subject",
                        "must have at most " + MAX_MEETING_SUBJECT_LENGTH + " characters")
                .check(!Standards.hasControlCharacters(subject), "subject", Standards.NO_CONTROL_CHARACTERS)
                .throwIfAny();
        boolean dynamic = settings.current().useUniqueConferenceIds();
        String conferenceId = dynamic ? conferenceIds.next() : user.conferenceId();
        Meeting meeting = new Meeting(user.userPrincipalName(), subject, startsAt, conferenceId, dynamic);
        em.persist(meeting);
        return new ScheduledMeeting(meeting, dialInInfos.dialInInfo(user, conferenceId));
    }
}
