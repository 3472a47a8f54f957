package org.confmail.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebAddressesTest {

    @Test
    void writesOriginsAsBrowsersSendThem() {
        assertEquals("https://meet.example.com", WebAddresses.origin("https://meet.example.com"));
        assertEquals("https://meet.example.com", WebAddresses.origin(" HTTPS://Meet.Example.COM:443 "));
        assertEquals("http://localhost:8000", WebAddresses.origin("http://localhost:8000"));
        assertEquals("http://meet.example.com", WebAddresses.origin("http://meet.example.com:80"));
        assertEquals("https://meet.example.com:8443", WebAddresses.origin("https://meet.example.com:8443"));
    }

    @Test
    void refusesWhatIsNotAnOrigin() {
        for (String text : List.of("meet.example.com", "https://meet.example.com/", "https://meet.example.com/x",
                "ftp://meet.example.com", "https://user@meet.example.com", "https://meet.example.com?x",
                "https://meet.example.com#x", "null", "*", "https://", "https://meet example.com")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> WebAddresses.origin(text), text);
            assertTrue(e.getMessage().contains("is not an origin such as https://meet.example.com"), e.getMessage());
        }
    }

    @Test
    void knowsDnsNames() {
        assertTrue(WebAddresses.isDnsName("conference.meet.example.com"));
        assertTrue(WebAddresses.isDnsName("muc.meet.jitsi"));
        assertTrue(WebAddresses.isDnsName("localhost"));
        for (String host : List.of("", "Conference.example.com", "conf erence", "a_b.example.com", "-a.example.com",
                "a..b", "a.example.com.", "a".repeat(64) + ".example.com", "x@y")) {
            assertFalse(WebAddresses.isDnsName(host), host);
        }
    }
}
