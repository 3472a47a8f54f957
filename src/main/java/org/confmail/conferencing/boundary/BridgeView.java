package org.confmail.conferencing.boundary;

import org.confmail.conferencing.entity.Bridge;

/** A bridge as the API shows it. */
public record BridgeView(String id, String name, boolean isDefault, String defaultTollNumber) {

    static BridgeView of(Bridge bridge) {
        return new BridgeView(bridge.id(), bridge.name(), bridge.isDefault(),
                bridge.defaultTollNumber() == null ? null : bridge.defaultTollNumber().e164());
    }
}
