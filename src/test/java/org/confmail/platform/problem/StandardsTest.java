package org.confmail.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StandardsTest {

    @Test
    void aOneLineNameHasNoControlsSeparatorsOrBidiOverrides() {
        for (String bad : new String[] {"a\rb", "a\nb", "a\u0000b", "a\u0085b", "a\u2028b", "a\u2029b", "\u202Egnp.exe",
            "a\u2066b\u2069", "a\ud800b", "a\udc00"}) {
            assertTrue(Standards.hasControlCharacters(bad), bad);
        }
        for (String good : new String[] {"Zoë Müller", "\u200F\u05e9\u05dc\u05d5\u05dd", "\ud83d\ude00 Meeting",
            "<script>alert(1)</script>", "' OR '1'='1"}) {
            assertFalse(Standards.hasControlCharacters(good), good);
        }
    }

    @Test
    void anExcerptIsShortAndNeverSplitsASurrogatePair() {
        assertEquals("short", Standards.excerpt("short"));
        String longText = "x".repeat(59) + "\ud83d\ude00" + "y".repeat(100);
        String excerpt = Standards.excerpt(longText);
        assertTrue(excerpt.length() <= 61 && excerpt.endsWith("…"), excerpt);
        assertTrue(Standards.isWellFormed(excerpt), "no half of the emoji");
    }
}
