package org.confmail.platform.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void acceptsOrdinaryMailboxes() {
        assertTrue(EmailAddresses.isValid("ada.lovelace@contoso.com"));
        assertTrue(EmailAddresses.isValid("ops+conf@mail.contoso.co.uk"));
    }

    @Test
    void rejectsWhatCouldBreakAHeaderOrIsNotAMailbox() {
        assertFalse(EmailAddresses.isValid("ada@contoso.com\r\nBcc: x@evil.test"));
        assertFalse(EmailAddresses.isValid("Ada <ada@contoso.com>"));
        assertFalse(EmailAddresses.isValid("ada@contoso"));
        assertFalse(EmailAddresses.isValid("ada contoso.com"));
        assertFalse(EmailAddresses.isValid("\"a b\"@contoso.com"));
        assertFalse(EmailAddresses.isValid("ada@-contoso.com"));
        assertFalse(EmailAddresses.isValid(""));
        assertFalse(EmailAddresses.isValid(null));
        assertFalse(EmailAddresses.isValid("a".repeat(65) + "@contoso.com"), "a local part of 65 characters");
        assertTrue(EmailAddresses.isValid("a".repeat(64) + "@contoso.com"), "64 is the most SMTP allows");
    }

    @Test
    void theServiceSenderMayUseASingleLabelDomain() {
        assertTrue(EmailAddresses.isValidAnyDomain("no-reply@localhost"));
        assertFalse(EmailAddresses.isValid("no-reply@localhost"));
    }
}
