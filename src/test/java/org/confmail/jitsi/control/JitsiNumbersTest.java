package org.confmail.jitsi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.ServiceNumber;
import org.junit.jupiter.api.Test;

class JitsiNumbersTest {

    private final Bridge bridge = new Bridge("Main bridge", true);

    private ServiceNumber number(String e164, NumberType type, String country) {
        return new ServiceNumber(bridge, e164, type, country, null, List.of());
    }

    @Test
    void listsTheDefaultFirstThenItsCountryThenTheOthersFormattedForAReaderAbroad() {
        ServiceNumber canada = number("+16135550100", NumberType.TOLL, "CA");
        ServiceNumber france = number("+33155550100", NumberType.TOLL, "FR");
        ServiceNumber usFree = number("+18005550199", NumberType.TOLL_FREE, "US");
        ServiceNumber us = number("+14255550100", NumberType.TOLL, "US");
        ServiceNumber usOther = number("+12065550100", NumberType.TOLL, "US");
        // The bridge's order: country, then number.
        List<JitsiNumber> listed = JitsiNumbers.listed(List.of(canada, france, usOther, us, usFree), us);

        assertEquals(List.of(
                new JitsiNumber("us", false, "+1 425-555-0100", true),
                new JitsiNumber("us", false, "+1 206-555-0100", false),
                new JitsiNumber("us", true, "+1 800-555-0199", false),
                new JitsiNumber("ca", false, "+1 613-555-0100", false),
                new JitsiNumber("fr", false, "+33 1 55 55 01 00", false)), listed);
    }

    @Test
    void marksNoDefaultWhenTheBridgeHasNoDefaultTollNumber() {
        ServiceNumber free = number("+18005550199", NumberType.TOLL_FREE, "US");
        assertEquals(List.of(new JitsiNumber("us", true, "+1 800-555-0199", false)),
                JitsiNumbers.listed(List.of(free), null));
        assertEquals(List.of(), JitsiNumbers.listed(List.of(), null));
    }
}
