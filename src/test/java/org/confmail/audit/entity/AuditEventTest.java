package org.confmail.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void anEntryCannotForgeALineOrHideWhatItSays() {
        assertEquals("to x@contoso.com\uFFFD\uFFFDBcc: y", AuditEvent.bounded("to x@contoso.com\r\nBcc: y", 100));
        assertEquals("\uFFFDgnp.exe", AuditEvent.bounded("\u202Egnp.exe", 100));
        assertEquals("a\uFFFDb", AuditEvent.bounded("a\u2028b", 100));
    }

    @Test
    void aMegabyteBecomesTheColumnsWidth() {
        String bounded = AuditEvent.bounded("x".repeat(1_048_576), AuditEvent.MAX_DETAIL);
        assertEquals(AuditEvent.MAX_DETAIL, bounded.length());
        assertTrue(bounded.endsWith("…"));
    }
}
