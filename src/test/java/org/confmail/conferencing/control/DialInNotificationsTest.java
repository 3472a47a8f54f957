package org.confmail.conferencing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.confmail.conferencing.control.DialInNotifications.DialIn;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which email each change of a user's dial-in sends: every transition of the state the user is told about. */
class DialInNotificationsTest {

    /** Every state: on or off, and each of the three things dialled either as before or changed. */
    private static List<DialIn> states() {
        List<DialIn> states = new ArrayList<>();
        for (boolean active : new boolean[] {false, true}) {
            for (String id : new String[] {"1234567", "7654321"}) {
                for (String toll : new String[] {"toll-1", "toll-2", null}) {
                    for (String tollFree : new String[] {"free-1", "free-2", null}) {
                        states.add(new DialIn(active, id, toll, tollFree));
                    }
                }
            }
        }
        return states;
    }

    @Test
    void everyTransitionSendsAtMostTheOneEmailItCallsFor() {
        int checked = 0;
        for (DialIn before : states()) {
            for (DialIn after : states()) {
                boolean dialledChanged = !before.conferenceId().equals(after.conferenceId())
                        || !java.util.Objects.equals(before.tollNumber(), after.tollNumber())
                        || !java.util.Objects.equals(before.tollFreeNumber(), after.tollFreeNumber());
                Optional<DialInChange> expected;
                if (!before.active() && after.active()) {
                    expected = Optional.of(DialInChange.LICENSE_ASSIGNED);
                } else if (before.active() && !after.active()) {
                    expected = Optional.of(DialInChange.DIAL_IN_DISABLED);
                } else if (before.active() && dialledChanged) {
                    expected = Optional.of(DialInChange.CONFERENCE_ID_RESET);
                } else {
                    expected = Optional.empty();
                }
                assertEquals(expected, DialInNotifications.between(before, after), before + " -> " + after);
                checked++;
            }
        }
        assertEquals(36 * 36, checked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a new licensed user                        | false | -       | -       | true  | 1234567 | toll-1  | LICENSE_ASSIGNED
            a new user without a license               | false | -       | -       | false | -       | -       | NONE
            license removed                            | true  | 1234567 | toll-1  | false | 1234567 | toll-1  | DIAL_IN_DISABLED
            the conference ID reset                    | true  | 1234567 | toll-1  | true  | 7654321 | toll-1  | CONFERENCE_ID_RESET
            another default toll number                | true  | 1234567 | toll-1  | true  | 1234567 | toll-2  | CONFERENCE_ID_RESET
            a rename, the same dial-in                 | true  | 1234567 | toll-1  | true  | 1234567 | toll-1  | NONE
            a change while dial-in is off              | false | 1234567 | toll-1  | false | 7654321 | toll-2  | NONE
            """)
    void theCasesAdminsMeet(String what, boolean activeBefore, String idBefore, String tollBefore, boolean activeAfter,
            String idAfter, String tollAfter, String email) {
        DialIn before = new DialIn(activeBefore, dash(idBefore), dash(tollBefore), null);
        DialIn after = new DialIn(activeAfter, dash(idAfter), dash(tollAfter), null);
        assertEquals(email.equals("NONE") ? Optional.empty() : Optional.of(DialInChange.valueOf(email)),
                DialInNotifications.between(before, after));
    }

    @Test
    void dialInIsTheLicenseAndThisServiceAsProvider() {
        ConferencingUser user = new ConferencingUser("ada@contoso.com", "Ada", "ada@contoso.com");
        user.setAudioConferencingLicense(true);
        assertEquals(true, DialIn.of(user).active());
        user.setProvider(Provider.THIRD_PARTY, "Other Conferencing");
        assertEquals(false, DialIn.of(user).active(), "another provider");
        user.setProvider(Provider.NONE, null);
        assertEquals(false, DialIn.of(user).active(), "no provider");
        user.setProvider(Provider.SELF_HOSTED, null);
        user.setAudioConferencingLicense(false);
        assertEquals(false, DialIn.of(user).active(), "no license");
    }

    @Test
    void aTollFreeNumberTheUserMayNotUseIsNoneOfTheirs() {
        Bridge bridge = new Bridge("Main", true);
        ConferencingUser user = new ConferencingUser("ada@contoso.com", "Ada", "ada@contoso.com");
        user.setAudioConferencingLicense(true);
        var number = new org.confmail.conferencing.entity.ServiceNumber(bridge, "+18005550100",
                org.confmail.conferencing.entity.NumberType.TOLL_FREE, "US", null, List.of());
        user.setTollFreeNumber(number);
        DialIn allowed = DialIn.of(user);
        user.setAllowTollFreeDialIn(false);
        DialIn notAllowed = DialIn.of(user);
        assertEquals(number.id(), allowed.tollFreeNumber());
        assertEquals(null, notAllowed.tollFreeNumber());
        assertEquals(Optional.of(DialInChange.CONFERENCE_ID_RESET), DialInNotifications.between(allowed, notAllowed),
                "taking toll-free dial-in away tells the user their numbers changed");
    }

    private static String dash(String value) {
        return "-".equals(value) ? null : value;
    }
}
