package org.confmail.conferencing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void acceptsStrictE164Only() {
        assertTrue(PhoneNumbers.isE164("+14255550100"));
        assertTrue(PhoneNumbers.isE164("+33155550100"));
        assertFalse(PhoneNumbers.isE164("14255550100"));
        assertFalse(PhoneNumbers.isE164("+1 425 555 0100"));
        assertFalse(PhoneNumbers.isE164("+0123456789"));
        assertFalse(PhoneNumbers.isE164("+1425555010\n0"));
        assertFalse(PhoneNumbers.isE164(null));
    }

    @Test
    void formatsNationallyForReadersInTheNumbersCountry() {
        assertEquals("01 55 55 01 00", PhoneNumbers.format("+33155550100", "FR"));
        assertEquals("(425) 555-0100", PhoneNumbers.format("+14255550100", "US"));
    }

    @Test
    void formatsInternationallyForEveryoneElse() {
        assertEquals("+33 1 55 55 01 00", PhoneNumbers.format("+33155550100", "US"));
        assertEquals("+1 425-555-0100", PhoneNumbers.format("+14255550100", null));
    }

    @Test
    void telLinkDialsTheNumberThenTheConferenceId() {
        assertEquals("tel:+14255550100,,1234567%23", PhoneNumbers.telLink("+14255550100", "1234567"));
    }
}
