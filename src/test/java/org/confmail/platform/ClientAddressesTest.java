package org.confmail.platform;

import static org.confmail.platform.ClientAddresses.clientAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    static final Set<String> BALANCERS = Set.of("10.0.0.5", "10.0.0.6");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("10.0.0.5", clientAddress(Set.of(), "10.0.0.5", List.of("203.0.113.9")));
    }

    @Test
    void aRequestFromAnUntrustedPeerIsItsOwnEvenWithAHeader() {
        assertEquals("198.51.100.7", clientAddress(BALANCERS, "198.51.100.7", List.of("203.0.113.9")));
    }

    @Test
    void throughABalancerTheClientIsTheAddressItForwards() {
        assertEquals("203.0.113.9", clientAddress(BALANCERS, "10.0.0.5", List.of("203.0.113.9")));
    }

    @Test
    void anAddressTheClientWroteItselfIsNeverBelieved() {
        // The client sent "X-Forwarded-For: 192.0.2.1"; the balancer appended the address it saw.
        assertEquals("203.0.113.9", clientAddress(BALANCERS, "10.0.0.5", List.of("192.0.2.1, 203.0.113.9")));
    }

    @Test
    void chainsOfTrustedProxiesAreWalkedFromTheRight() {
        assertEquals("203.0.113.9", clientAddress(BALANCERS, "10.0.0.5", List.of("203.0.113.9, 10.0.0.6")));
        assertEquals("203.0.113.9", clientAddress(BALANCERS, "10.0.0.5", List.of("203.0.113.9", "10.0.0.6")));
    }

    @Test
    void garbageEndsTheWalkAtTheLastGoodHop() {
        assertEquals("10.0.0.5", clientAddress(BALANCERS, "10.0.0.5", List.of("<script>")));
        assertEquals("10.0.0.6", clientAddress(BALANCERS, "10.0.0.5", List.of("evil\r\nX: y, 10.0.0.6")));
        assertEquals("10.0.0.5", clientAddress(BALANCERS, "10.0.0.5", List.of()));
    }

    @Test
    void ipv6AddressesCount() {
        assertEquals("2001:db8::1", clientAddress(Set.of("::1"), "::1", List.of("2001:db8::1")));
        assertTrue(ClientAddresses.isAddressLiteral("2001:db8::1"));
        assertFalse(ClientAddresses.isAddressLiteral("proxy.example.com"));
        assertFalse(ClientAddresses.isAddressLiteral("12"));
    }
}
