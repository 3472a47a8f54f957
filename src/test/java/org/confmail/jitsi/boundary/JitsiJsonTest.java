package org.confmail.jitsi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.confmail.jitsi.JitsiMeetClient;
import org.confmail.jitsi.control.ConferenceMapping;
import org.confmail.jitsi.control.JitsiNumber;
import org.confmail.jitsi.entity.RoomJid;
import org.junit.jupiter.api.Test;

/** Both answers held against what Jitsi Meet's web client reads from them (see {@link JitsiMeetClient}). */
class JitsiJsonTest {

    private static final List<JitsiNumber> NUMBERS = List.of(
            new JitsiNumber("us", false, "+1 425-555-0100", true),
            new JitsiNumber("us", true, "+1 800-555-0199", false),
            new JitsiNumber("gb", false, "+44 20 7946 0100", false),
            new JitsiNumber("fr", false, "+33 1 55 55 01 00", false));

    @Test
    void numbersAreTheArrayTheInviteDialogAndTheDialInPageRead() {
        JsonArray answer = JitsiJson.numbers(NUMBERS);

        assertTrue(JitsiMeetClient.isCurrentNumbersFormat(answer), "an array, not the deprecated object");
        assertTrue(JitsiMeetClient.numbersEnabled(answer));
        assertEquals("+1 425-555-0100", JitsiMeetClient.defaultPhoneNumber(answer), "the invite shows the default");
        var groups = JitsiMeetClient.byCountry(answer);
        assertEquals(List.of("US", "GB", "FR"), List.copyOf(groups.keySet()), "the default's country first");
        assertEquals("flag iti-flag gb", JitsiMeetClient.flagClass(groups.get("GB")), "flag classes are lower case");
        for (JsonValue value : answer) {
            JsonObject number = value.asJsonObject();
            assertEquals(Set.of("countryCode", "tollFree", "formattedNumber", "default"), number.keySet());
            assertEquals(JsonValue.ValueType.STRING, number.get("countryCode").getValueType());
            assertTrue(number.getString("countryCode").matches("[a-z]{2}"), number.toString());
            assertEquals(JsonValue.ValueType.STRING, number.get("formattedNumber").getValueType());
            assertTrue(Set.of(JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE)
                    .containsAll(List.of(number.get("tollFree").getValueType(), number.get("default").getValueType())),
                    number.toString());
        }
        assertEquals(1, answer.stream().filter(n -> n.asJsonObject().getBoolean("default")).count());
        assertEquals(answer.size(), answer.stream().map(n -> n.asJsonObject().getString("formattedNumber"))
                .distinct().count(), "formattedNumber keys the list items: each appears once");
    }

    @Test
    void withoutADefaultTheInviteShowsTheFirstNumber() {
        JsonArray answer = JitsiJson.numbers(List.of(new JitsiNumber("us", true, "+1 800-555-0199", false),
                new JitsiNumber("fr", false, "+33 1 55 55 01 00", false)));
        assertEquals("+1 800-555-0199", JitsiMeetClient.defaultPhoneNumber(answer));
    }

    @Test
    void aBridgeWithoutNumbersMeansNoDialIn() {
        JsonArray answer = JitsiJson.numbers(List.of());
        assertTrue(JitsiMeetClient.isCurrentNumbersFormat(answer));
        assertFalse(JitsiMeetClient.numbersEnabled(answer));
        assertNull(JitsiMeetClient.defaultPhoneNumber(answer));
    }

    @Test
    void aMappingIsTakenAsOneWithItsIdAsANumber() {
        ConferenceMapping mapping = new ConferenceMapping(
                new RoomJid("caf%c3%a9", "conference.meet.example.com"), "5802311", null);
        JsonObject answer = JitsiJson.mapping(mapping, "Conference mapping found");

        assertEquals(Optional.of("5802311"), JitsiMeetClient.conferenceId(answer));
        assertTrue(answer.get("id") instanceof JsonNumber number && number.isIntegral(), answer.toString());
        assertEquals("caf%c3%a9@conference.meet.example.com", answer.getString("conference"));
        assertEquals(Set.of("message", "id", "conference"), answer.keySet(), "no sipUri unless configured");
    }

    @Test
    void aMappingCarriesTheSipUriWhenThereIsOne() {
        JsonObject answer = JitsiJson.mapping(new ConferenceMapping(new RoomJid("standup", "muc.meet.jitsi"),
                "1234567", "sip:1234567@sip.example.com"), "Conference mapping found");
        assertEquals("sip:1234567@sip.example.com", answer.getString("sipUri"));
        assertEquals(Optional.of("1234567"), JitsiMeetClient.conferenceId(answer));
    }

    @Test
    void anIdThatNoRoomHasIsNoMapping() {
        JsonObject answer = JitsiJson.unknownId("5802312");
        assertEquals(Optional.empty(), JitsiMeetClient.conferenceId(answer));
        assertEquals(JsonValue.FALSE, answer.get("conference"), "Jitsi's API answers conference: false");
        assertFalse(answer.containsKey("id"));
        assertEquals("No conference has the ID 5802312.", answer.getString("message"));
    }

    @Test
    void aRefusalIsAMessageAndNoId() {
        JsonObject answer = JitsiJson.message("id must be a conference ID: 1 to 10 digits");
        assertEquals(Set.of("message"), answer.keySet());
        assertEquals(Optional.empty(), JitsiMeetClient.conferenceId(answer));
    }
}
