package org.confmail.conferencing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConferenceIdGeneratorTest {

    private final ConferenceIdGenerator generator = new ConferenceIdGenerator();

    @Test
    void generatesDigitsOfTheTenantLengthWithoutLeadingZero() {
        for (int length = 7; length <= 10; length++) {
            for (int i = 0; i < 2_000; i++) {
                String id = generator.next(length, candidate -> true);
                assertEquals(length, id.length());
                assertTrue(id.matches("[1-9][0-9]*"), id);
            }
        }
    }

    @Test
    void skipsIdsThatAreTaken() {
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            taken.add(generator.next(7, candidate -> !taken.contains(candidate)));
        }
        assertEquals(500, taken.size());
    }

    @Test
    void givesUpWithAClearMessageWhenNothingIsFree() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> generator.next(7, c -> false));
        assertTrue(e.getMessage().contains("use longer IDs"));
    }

    @Test
    void chosenIdsMustBeDigitsOfAllowedLengthWithoutLeadingZero() {
        assertNull(ConferenceIdGenerator.problemWithChosen("1234567", 7, 10));
        assertNotEquals(null, ConferenceIdGenerator.problemWithChosen("0123456", 7, 10));
        assertNotEquals(null, ConferenceIdGenerator.problemWithChosen("123456", 7, 10));
        assertNotEquals(null, ConferenceIdGenerator.problemWithChosen("12345678901", 7, 10));
        assertNotEquals(null, ConferenceIdGenerator.problemWithChosen("12345a7", 7, 10));
    }
}
