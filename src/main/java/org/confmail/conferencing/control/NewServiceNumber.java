package org.confmail.conferencing.control;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.confmail.platform.validation.CountryCode;
import org.confmail.platform.validation.LanguageTag;
import org.confmail.platform.validation.SingleLine;

/**
 * A dial-in number to add to a bridge (serializable: the portal keeps one to add again after a conflict). The number
 * and its type are checked by {@link BridgeService}, which also needs them to find duplicates.
 */
public record NewServiceNumber(
        String number,
        String type,
        @CountryCode(message = "must be an ISO 3166 alpha-2 code such as US")
        String country,
        @Size(max = BridgeService.MAX_CITY_LENGTH, message = "must have at most {max} characters")
        @SingleLine
        String city,
        List<@LanguageTag(message = "must be BCP 47 language tags such as en-US") String> languages)
        implements java.io.Serializable {
}
