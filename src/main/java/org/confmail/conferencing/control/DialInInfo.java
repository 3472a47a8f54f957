package org.confmail.conferencing.control;

import java.util.List;

/**
 * What a person needs to join a user's meetings by phone, already formatted for the reader: the numbers to dial,
 * the conference ID, and where to find a local number. Shared by the emails, the meetings API and the portal.
 */
public record DialInInfo(
        String userPrincipalName,
        String displayName,
        String bridgeName,
        String conferenceId,
        List<Number> numbers,
        String findLocalNumberUrl) {

    /** One number to dial. */
    public record Number(String e164, String type, String country, String city, String formatted, String telLink) {

        public boolean tollFree() {
            return "TOLL_FREE".equals(type);
        }
    }
}
