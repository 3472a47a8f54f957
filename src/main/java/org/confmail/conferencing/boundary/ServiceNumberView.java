package org.confmail.conferencing.boundary;

import java.util.List;
import org.confmail.conferencing.entity.ServiceNumber;

/** A service number as the API shows it. */
public record ServiceNumberView(String id, String number, String type, String country, String city,
        List<String> languages) {

    static ServiceNumberView of(ServiceNumber n) {
        return new ServiceNumberView(n.id(), n.e164(), n.type().name(), n.country(), n.city(), n.languages());
    }
}
