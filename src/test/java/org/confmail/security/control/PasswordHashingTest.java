package org.confmail.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void aPasswordHasTwelveTo256CharactersAndIsNotTheUsername() {
        assertEquals("must have at least 12 characters", PasswordHashing.problemWith("elevenchars", "ada"));
        assertNull(PasswordHashing.problemWith("twelve chars", "ada"));
        assertNull(PasswordHashing.problemWith("\ud83d\ude00".repeat(12), "ada"), "characters, not UTF-16 units");
        assertEquals("must have at most 256 characters", PasswordHashing.problemWith("x".repeat(257), "ada"));
        assertEquals("must not be the username", PasswordHashing.problemWith("Ada.Lovelace.1", "ada.lovelace.1"));
        assertEquals("must not contain control characters or broken Unicode",
                PasswordHashing.problemWith("long enough\u0000", "ada"));
        assertEquals("is required", PasswordHashing.problemWith(null, "ada"));
    }

    @Test
    void hashesOfAnotherCostAreRehashed() {
        assertTrue(PasswordHashing.needsRehash("PBKDF2WithHmacSHA256:100000:c2FsdA==:aGFzaA=="));
        assertTrue(PasswordHashing.needsRehash("PBKDF2WithHmacSHA512:600000:c2FsdA==:aGFzaA=="));
        assertFalse(PasswordHashing.needsRehash("PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA=="));
    }
}
