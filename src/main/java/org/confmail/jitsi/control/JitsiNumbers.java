package org.confmail.jitsi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.control.PhoneNumbers;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.config.ConfmailConfig;

/**
 * The numbers Jitsi Meet shows: every number of one bridge (the one asked for, else the one
 * {@code CONFMAIL_JITSI_BRIDGE} names, else the tenant's default bridge), the bridge's default toll number first
 * and marked as the default, then the rest of its country, then the others by country. Numbers are written as the
 * emails write them for a reader whose country is unknown: in the international format.
 */
@ApplicationScoped
public class JitsiNumbers {

    @Inject
    BridgeService bridges;

    @Inject
    ConfmailConfig config;

    /** @param bridgeId a bridge's id, or null for the configured or default bridge */
    public List<JitsiNumber> of(String bridgeId) {
        Bridge bridge = bridge(bridgeId);
        return listed(bridges.numbers(bridge.id()), bridge.defaultTollNumber());
    }

    /** {@code numbers} in the bridge's order (country, then number), listed as Jitsi Meet shows them. */
    static List<JitsiNumber> listed(List<ServiceNumber> numbers, ServiceNumber first) {
        String firstId = first == null ? null : first.id();
        String firstCountry = first == null ? null : first.country();
        List<ServiceNumber> sorted = new ArrayList<>(numbers);
        // Stable: within each group the bridge's own order stays.
        sorted.sort(Comparator.comparing((ServiceNumber n) -> !n.id().equals(firstId))
                .thenComparing(n -> !Objects.equals(n.country(), firstCountry)));
        return sorted.stream().map(n -> new JitsiNumber(n.country().toLowerCase(Locale.ROOT),
                n.type() == NumberType.TOLL_FREE, PhoneNumbers.format(n.e164(), null), n.id().equals(firstId)))
                .toList();
    }

    private Bridge bridge(String bridgeId) {
        if (bridgeId != null) {
            if (!bridgeId.matches("[A-Za-z0-9-]{1,36}")) {
                throw JitsiRefusal.badRequest("bridgeId must be a bridge's id, such as"
                        + " 7c9e6679-7425-40de-944b-e07fc1f90ae7");
            }
            return bridges.byId(bridgeId)
                    .orElseThrow(() -> JitsiRefusal.notFound("There is no bridge with id " + bridgeId + "."));
        }
        return config.jitsiBridge()
                .map(configured -> bridges.byId(configured).or(() -> bridges.byName(configured))
                        .orElseThrow(() -> JitsiRefusal.notFound("CONFMAIL_JITSI_BRIDGE names no bridge: there is"
                                + " no bridge with that id or name.")))
                .orElseGet(() -> {
                    Bridge fallback = bridges.defaultBridge();
                    if (fallback == null) {
                        throw JitsiRefusal.notFound("There is no bridge yet.");
                    }
                    return fallback;
                });
    }
}
