package org.confmail.jitsi;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Jitsi Meet's web client does with confmail's two answers, rule by rule, so that tests hold the answers
 * against the client rather than against our own idea of them:
 * <ul>
 * <li>the requests: {@code dialInNumbersUrl?conference=<room>@<muc>} and
 * {@code dialInConfCodeUrl?conference=<room>@<muc>&url=<meeting address>}, the room put in as the client holds it
 * (a meeting's room is its address's path segment, still %-encoded; the dial-in page's is decoded) and not encoded
 * again; the browser's fetch then %-encodes only what a query may not hold;</li>
 * <li>a numbers answer that is an array is the current format; the dial-in page shows numbers only when it is not
 * empty, groups them by the upper-cased {@code countryCode} (failing on a number without one) and shows the group's
 * flag with the CSS class {@code flag iti-flag <countryCode>}; the invite dialog shows the number marked
 * {@code default}, else the first;</li>
 * <li>a conference-mapper answer counts only when {@code conference} and {@code id} are both truthy; the ID is shown
 * as {@code id.toString()}; anything else, and any non-2xx answer, means "no dial-in".</li>
 * </ul>
 */
public final class JitsiMeetClient {

    private JitsiMeetClient() {
    }

    /** The conference-mapper request a meeting page sends, as the browser puts it on the wire. */
    public static String conferenceMapperQuery(String room, String mucHost, String meetingUrl) {
        return "conference=" + fetchEncoded(room + "@" + mucHost) + "&url=" + fetchEncoded(meetingUrl);
    }

    /** The numbers request a meeting page sends. */
    public static String numbersQuery(String room, String mucHost) {
        return "conference=" + fetchEncoded(room + "@" + mucHost);
    }

    /**
     * What {@code fetch} does to a query written into a URL: %-encodes C0 controls, space, {@code " # < > '} and
     * everything beyond ASCII (as UTF-8), and leaves the rest, {@code %} included, as it is.
     */
    public static String fetchEncoded(String query) {
        StringBuilder out = new StringBuilder();
        for (byte b : query.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || "\"#<>'".indexOf(c) >= 0) {
                out.append(String.format("%%%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    public static boolean isCurrentNumbersFormat(JsonValue answer) {
        return answer.getValueType() == JsonValue.ValueType.ARRAY;
    }

    /** Whether the dial-in page shows numbers at all. */
    public static boolean numbersEnabled(JsonValue answer) {
        return isCurrentNumbersFormat(answer) && !answer.asJsonArray().isEmpty();
    }

    /** The number the invite dialog shows: the one marked default, else the first; null when there is none. */
    public static String defaultPhoneNumber(JsonValue answer) {
        JsonArray numbers = answer.asJsonArray();
        for (JsonValue number : numbers) {
            if (truthy(number.asJsonObject().get("default"))) {
                return number.asJsonObject().getString("formattedNumber");
            }
        }
        return numbers.isEmpty() ? null : numbers.getJsonObject(0).getString("formattedNumber");
    }

    /** The dial-in page's table: country code (upper case) to its numbers, in order of first appearance. */
    public static Map<String, List<JsonObject>> byCountry(JsonValue answer) {
        Map<String, List<JsonObject>> groups = new LinkedHashMap<>();
        for (JsonValue value : answer.asJsonArray()) {
            JsonObject number = value.asJsonObject();
            // The client upper-cases countryCode: a number without one breaks the whole page.
            String country = ((JsonString) number.get("countryCode")).getString().toUpperCase(Locale.ROOT);
            groups.computeIfAbsent(country, c -> new ArrayList<>()).add(number);
        }
        return groups;
    }

    /** The CSS class of a country group's flag. */
    public static String flagClass(List<JsonObject> group) {
        return "flag iti-flag " + group.get(0).getString("countryCode");
    }

    /** The ID the meeting shows for a conference-mapper answer, or empty when the client rejects the answer. */
    public static Optional<String> conferenceId(JsonValue answer) {
        if (answer.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonObject object = answer.asJsonObject();
        if (!truthy(object.get("conference")) || !truthy(object.get("id"))) {
            return Optional.empty();
        }
        JsonValue id = object.get("id");
        return Optional.of(id instanceof JsonString s ? s.getString() : id.toString());
    }

    /** JavaScript's truthiness of a JSON value (an absent one is undefined: false). */
    public static boolean truthy(JsonValue value) {
        if (value == null) {
            return false;
        }
        return switch (value.getValueType()) {
            case NULL, FALSE -> false;
            case TRUE, OBJECT, ARRAY -> true;
            case STRING -> !((JsonString) value).getString().isEmpty();
            case NUMBER -> ((JsonNumber) value).doubleValue() != 0;
        };
    }
}
