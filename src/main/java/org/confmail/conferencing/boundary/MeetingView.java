package org.confmail.conferencing.boundary;

import java.time.Instant;
import java.util.List;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.conferencing.control.UserActions;

/** A scheduled meeting's dial-in, as an invitation would show it. */
public record MeetingView(String id, String subject, Instant startsAt, String conferenceId, boolean dynamicConferenceId,
        List<DialInInfo.Number> dialInNumbers, String findLocalNumberUrl) {

    static MeetingView of(UserActions.ScheduledMeeting scheduled) {
        var m = scheduled.meeting();
        return new MeetingView(m.id(), m.subject(), m.startsAt(), m.conferenceId(), m.dynamicId(),
                scheduled.dialIn().numbers(), scheduled.dialIn().findLocalNumberUrl());
    }
}
