package org.confmail.jitsi.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomJidTest {

    /**
     * Room names as Jitsi Meet's backend writes them, computed with JavaScript's own functions: decodeURIComponent
     * (kept as it was when it throws), normalize("NFKC"), toLowerCase, encodeURIComponent, toLowerCase.
     */
    static final Map<String, String> AS_JAVASCRIPT_WRITES_THEM = Map.ofEntries(
            Map.entry("MyRoom", "myroom"),
            Map.entry("Café", "caf%c3%a9"),
            Map.entry("caf%C3%A9", "caf%c3%a9"),
            Map.entry("CAF%C3%A9", "caf%c3%a9"),
            Map.entry("caf%c3%a9", "caf%c3%a9"),
            Map.entry("ｃａｆé", "caf%c3%a9"),
            Map.entry("my%20room", "my%20room"),
            Map.entry("my room", "my%20room"),
            Map.entry("100%", "100%25"),
            Map.entry("100%25", "100%25"),
            Map.entry("Straße", "stra%c3%9fe"),
            Map.entry("ΣΟΦΟΣ", "%cf%83%ce%bf%cf%86%ce%bf%cf%82"),
            Map.entry("İstanbul", "i%cc%87stanbul"),
            Map.entry("日本語の部屋", "%e6%97%a5%e6%9c%ac%e8%aa%9e%e3%81%ae%e9%83%a8%e5%b1%8b"),
            Map.entry("%E6%97%A5%E6%9C%AC", "%e6%97%a5%e6%9c%ac"),
            Map.entry("ﬁle", "file"),
            Map.entry("a~b_c.d-e", "a~b_c.d-e"),
            Map.entry("ǅungla", "d%c5%beungla"),
            Map.entry("%F0%9F%98%80party", "%f0%9f%98%80party"),
            Map.entry("😀Party", "%f0%9f%98%80party"),
            Map.entry("a%2", "a%252"),
            Map.entry("%zz", "%25zz"));

    @Test
    void writesRoomNamesAsJitsiMeetsBackendDoes() {
        AS_JAVASCRIPT_WRITES_THEM.forEach((name, expected) ->
                assertEquals(expected + "@conference.meet.example.com",
                        RoomJid.parse(name + "@conference.meet.example.com").toString(), name));
    }

    @Test
    void oneRoomWhateverTheCaseTheUnicodeFormOrTheEncoding() {
        List<String> spellings = List.of("Café@conference.meet.example.com", "CAFÉ@Conference.Meet.Example.COM",
                "caf%C3%A9@conference.meet.example.com", "caf%c3%a9@conference.meet.example.com",
                "cafe\u0301@conference.meet.example.com", "ｃａｆé@conference.meet.example.com");
        for (String spelling : spellings) {
            RoomJid room = RoomJid.parse(spelling);
            assertEquals(new RoomJid("caf%c3%a9", "conference.meet.example.com"), room, spelling);
        }
    }

    @Test
    void theCanonicalFormRoundTrips() {
        AS_JAVASCRIPT_WRITES_THEM.keySet().forEach(name -> {
            RoomJid once = RoomJid.parse(name + "@muc.example.com");
            assertEquals(once, RoomJid.parse(once.toString()), name);
            assertEquals(once, RoomJid.ofCanonical(once.toString()), name);
            assertTrue(once.toString().chars().allMatch(c -> c > 0x20 && c < 0x7f), "ASCII: " + once);
        });
    }

    @Test
    void encodesAsEncodeUriComponentDoes() {
        // encodeURIComponent leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) and encodes the rest as UTF-8.
        assertEquals("azaz09-_.!~*'()%20%25%2f%3f%23%c3%a9%f0%9f%98%80",
                RoomJid.encodeComponent("azAZ09-_.!~*'() %/?#é😀").toLowerCase());
        assertEquals("az%c3%a9", RoomJid.encodeComponent("az\u00e9"));
    }

    @Test
    void decodesAsDecodeUriComponentDoesAndGivesUpOnMalformedText() {
        assertEquals("a b+c/é", RoomJid.decodeComponent("a%20b+c%2F%C3%A9"));
        assertEquals(null, RoomJid.decodeComponent("100%"));
        assertEquals(null, RoomJid.decodeComponent("%E9"));
        assertEquals(null, RoomJid.decodeComponent("%zz"));
        assertEquals("日本", RoomJid.decodeComponent("日%E6%9C%AC"));
    }

    @Test
    void refusesWhatIsNotARoomAddressWithAReason() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("myroom", "must be <room>@<MUC host>"),
                Map.entry("@conference.meet.example.com", "empty"),
                Map.entry("%20@conference.meet.example.com", "empty"),
                Map.entry("myroom@", "DNS name"),
                Map.entry("myroom@conference meet", "DNS name"),
                Map.entry("myroom@conference.meet.example.com/x", "DNS name"),
                Map.entry("my\r\nroom@conference.meet.example.com", "control characters"),
                Map.entry("my%0D%0Aroom@conference.meet.example.com", "control characters"),
                Map.entry("a\u2028b@conference.meet.example.com", "control characters"),
                Map.entry("<script>alert(1)</script>@conference.meet.example.com", "must not contain"),
                Map.entry("%3Cb%3E@conference.meet.example.com", "must not contain"),
                Map.entry("a/b@conference.meet.example.com", "must not contain"),
                Map.entry("a%2Fb@conference.meet.example.com", "must not contain"),
                Map.entry("＜b＞@conference.meet.example.com", "must not contain"),
                Map.entry("x\uD800@conference.meet.example.com", "not valid Unicode"),
                Map.entry("a".repeat(1024) + "@conference.meet.example.com", "too long"),
                Map.entry("é".repeat(171) + "@conference.meet.example.com", "too long"));
        refused.forEach((conference, reason) -> {
            RoomJid.Malformed e = assertThrows(RoomJid.Malformed.class, () -> RoomJid.parse(conference),
                    conference);
            assertTrue(e.getMessage().contains(reason), conference + ": " + e.getMessage());
        });
    }

    @Test
    void takesRoomsUpToTheXmppLimit() {
        assertEquals(1023, RoomJid.parse("a".repeat(1023) + "@muc.example.com").room().length());
        assertEquals(1020, RoomJid.parse("é".repeat(170) + "@muc.example.com").room().length());
    }
}
