package org.confmail.conferencing.control;

import java.security.SecureRandom;
import java.util.function.Predicate;

/**
 * Makes conference IDs: the tenant's length in digits, no leading zero (some phones drop it), drawn from a
 * secure random source so that IDs cannot be guessed from one another, and unique by the given test.
 */
public class ConferenceIdGenerator {

    private static final int MAX_TRIES = 50;
    private final SecureRandom random = new SecureRandom();

    public String next(int length, Predicate<String> isFree) {
        for (int i = 0; i < MAX_TRIES; i++) {
            String candidate = candidate(length);
            if (isFree.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free conference ID of " + length + " digits after " + MAX_TRIES
                + " tries; use longer IDs");
    }

    String candidate(int length) {
        StringBuilder id = new StringBuilder(length);
        id.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < length; i++) {
            id.append((char) ('0' + random.nextInt(10)));
        }
        return id.toString();
    }

    /** A static ID someone chose: digits only, the allowed length range, no leading zero. */
    public static String problemWithChosen(String id, int minLength, int maxLength) {
        if (id == null || !id.matches("[0-9]+")) {
            return "must contain digits only";
        }
        if (id.length() < minLength || id.length() > maxLength) {
            return "must have " + minLength + " to " + maxLength + " digits";
        }
        if (id.charAt(0) == '0') {
            return "must not start with 0";
        }
        return null;
    }
}
