package org.confmail.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.confmail.platform.config.ConfmailConfig;

/**
 * The address a request comes from, for the audit trail and the sign-in limits. Behind a load balancer every
 * request reaches confmail from the balancer's address, so one client's wrong passwords would lock out everyone;
 * a request from a proxy named in {@code CONFMAIL_TRUSTED_PROXIES} is taken to come from the rightmost address of
 * its {@code X-Forwarded-For} that is not itself a trusted proxy. Addresses a client wrote into the header
 * itself stand left of that and are never believed; an entry that is not an IP address ends the walk.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    ConfmailConfig config;

    private Set<String> trusted;

    @PostConstruct
    void readTrustedProxies() {
        trusted = config.trustedProxies();
    }

    public String of(HttpServletRequest request) {
        return clientAddress(trusted, request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** The rule itself: the peer's address, or the forwarded one when the peer is a trusted proxy. */
    static String clientAddress(Set<String> trusted, String peer, List<String> forwardedFor) {
        if (!trusted.contains(peer)) {
            return peer;
        }
        // Several header lines count as one list, in order (RFC 9110).
        List<String> hops = List.of(String.join(",", forwardedFor).split(","));
        String client = peer;
        for (String hop : hops.reversed()) {
            String address = hop.strip();
            if (!isAddressLiteral(address)) {
                return client;
            }
            client = address;
            if (!trusted.contains(address)) {
                return client;
            }
        }
        return client;
    }

    /** An IPv4 or IPv6 address as written (no host names: they would need a lookup and could be anything). */
    public static boolean isAddressLiteral(String text) {
        return text != null && ADDRESS.matcher(text).matches() && (text.contains(".") || text.contains(":"));
    }
}
