package org.confmail.conferencing.control;

import java.security.SecureRandom;

/**
 * Makes leader PINs of the tenant's length from a secure random source, refusing the ones people guess first:
 * one digit repeated (55555) and plain ascending or descending runs (12345, 98765).
 */
public class PinGenerator {

    private final SecureRandom random = new SecureRandom();

    public String next(int length) {
        while (true) {
            StringBuilder pin = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                pin.append((char) ('0' + random.nextInt(10)));
            }
            if (!isGuessable(pin.toString())) {
                return pin.toString();
            }
        }
    }

    public static boolean isGuessable(String pin) {
        return isRun(pin, 0) || isRun(pin, 1) || isRun(pin, -1);
    }

    private static boolean isRun(String pin, int step) {
        for (int i = 1; i < pin.length(); i++) {
            if (pin.charAt(i) - pin.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }
}
