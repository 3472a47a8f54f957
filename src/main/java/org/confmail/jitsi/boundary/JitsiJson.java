package org.confmail.jitsi.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.confmail.jitsi.control.ConferenceMapping;
import org.confmail.jitsi.control.JitsiNumber;

/**
 * The JSON Jitsi Meet reads, written field by field so that names and types are exactly its own:
 * <ul>
 * <li>the numbers list: an array (the current format; an object is the deprecated one) of
 * {@code {"countryCode", "tollFree", "formattedNumber", "default"}}, the country in lower case;</li>
 * <li>a mapping: {@code {"message", "id", "conference"}} with {@code id} a number and {@code conference} the room's
 * JID, plus {@code sipUri} when one is configured; for an ID nobody has, {@code "conference": false};</li>
 * <li>a refusal: {@code {"message"}} alone, no {@code id}, so the client does not take it for a mapping.</li>
 * </ul>
 */
public final class JitsiJson {

    private JitsiJson() {
    }

    public static JsonArray numbers(List<JitsiNumber> numbers) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JitsiNumber number : numbers) {
            array.add(Json.createObjectBuilder()
                    .add("countryCode", number.countryCode())
                    .add("tollFree", number.tollFree())
                    .add("formattedNumber", number.formattedNumber())
                    .add("default", number.isDefault()));
        }
        return array.build();
    }

    public static JsonObject mapping(ConferenceMapping mapping, String message) {
        JsonObjectBuilder object = Json.createObjectBuilder()
                .add("message", message)
                .add("id", Long.parseLong(mapping.conferenceId()))
                .add("conference", mapping.conference().toString());
        if (mapping.sipUri() != null) {
            object.add("sipUri", mapping.sipUri());
        }
        return object.build();
    }

    /** No room has this ID (a well-formed one): Jitsi's API answers {@code "conference": false}. */
    public static JsonObject unknownId(String id) {
        return Json.createObjectBuilder()
                .add("message", "No conference has the ID " + id + ".")
                .add("conference", false)
                .build();
    }

    public static JsonObject message(String message) {
        return Json.createObjectBuilder().add("message", message).build();
    }
}
