package org.confmail.jitsi.entity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.confmail.platform.config.WebAddresses;

/**
 * A Jitsi Meet room as the bare JID of its MUC room, {@code room@muc-host}, in the one form Jitsi Meet itself joins
 * it: the room name %-decoded when it decodes, NFKC-normalised, lower-cased and %-encoded again the way
 * JavaScript's {@code encodeURIComponent} does, with lower-case hex; the host in lower case. "Café", "CAF%C3%A9" and
 * "caf%c3%a9" are one room, {@code caf%c3%a9}. The form is ASCII, so it goes into XMPP, SIP headers, SIP URIs and
 * logs as it is.
 *
 * <p>Refused, with the reason: no {@code @}, an empty room, a host that is not a DNS name, a room with control
 * characters or with one of the characters Jitsi Meet strips from the room names in its addresses
 * ({@value #EXCLUDED}; only a name that spells one %-encoded on purpose still holds it), and a room longer than
 * XMPP allows.
 */
public record RoomJid(String room, String mucHost) {

    /** XMPP's limit for a JID's local part, in bytes; the form is ASCII, so in characters too. */
    public static final int MAX_ROOM_LENGTH = 1023;

    static final String EXCLUDED = ":?#[]@!$&'()*+,;=<>/\"";

    /** Why a {@code conference} value is not a room's address; the message is meant for the caller. */
    public static class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** The room a {@code conference} value names, as a request brings it (already decoded once from the query). */
    public static RoomJid parse(String conference) {
        int at = conference == null ? -1 : conference.lastIndexOf('@');
        if (at < 0) {
            throw new Malformed("conference must be <room>@<MUC host>, such as myroom@conference.meet.example.com");
        }
        String host = conference.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!WebAddresses.isDnsName(host)) {
            throw new Malformed("the MUC host after the @ must be a DNS name, such as conference.meet.example.com");
        }
        return new RoomJid(canonicalRoom(conference.substring(0, at)), host);
    }

    /** A JID already in this form, as stored. */
    public static RoomJid ofCanonical(String jid) {
        int at = jid.lastIndexOf('@');
        return new RoomJid(jid.substring(0, at), jid.substring(at + 1));
    }

    @Override
    public String toString() {
        return room + "@" + mucHost;
    }

    /** The room name as Jitsi Meet's backend knows it; see the class comment. */
    static String canonicalRoom(String name) {
        if (hasLoneSurrogate(name)) {
            throw new Malformed("the room name is not valid Unicode");
        }
        String decoded = decodeComponent(name);
        String room = Normalizer.normalize(decoded == null ? name : decoded, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        if (room.isBlank()) {
            throw new Malformed("the room name before the @ is empty");
        }
        if (room.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new Malformed("the room name must not contain line breaks or other control characters");
        }
        if (room.chars().anyMatch(c -> EXCLUDED.indexOf(c) >= 0)) {
            throw new Malformed("the room name must not contain any of " + EXCLUDED
                    + " (Jitsi Meet removes them from room names)");
        }
        String encoded = encodeComponent(room);
        if (encoded.length() > MAX_ROOM_LENGTH) {
            throw new Malformed("the room name is too long: at most " + MAX_ROOM_LENGTH
                    + " characters once %-encoded");
        }
        return encoded;
    }

    /** JavaScript's {@code decodeURIComponent}: null when the text is not well-formed %-encoded UTF-8. */
    static String decodeComponent(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                return null;
            }
            bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** JavaScript's {@code encodeURIComponent}, with lower-case hex. */
    static String encodeComponent(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.!~*'()".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        return out.toString();
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
