package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.config.ConfmailConfig;

/** Builds a user's {@link DialInInfo}: their default toll number, then toll-free when they may use it. */
@ApplicationScoped
public class DialInInfoService {

    @Inject
    ConfmailConfig config;

    public DialInInfo dialInInfo(ConferencingUser user) {
        return dialInInfo(user, user.conferenceId());
    }

    /** The same with another conference ID (a meeting's own, when IDs are dynamic). */
    public DialInInfo dialInInfo(ConferencingUser user, String conferenceId) {
        String reader = user.country();
        List<DialInInfo.Number> numbers = new ArrayList<>();
        if (user.tollNumber() != null) {
            numbers.add(number(user.tollNumber(), reader, conferenceId));
        }
        if (user.allowTollFreeDialIn() && user.tollFreeNumber() != null) {
            numbers.add(number(user.tollFreeNumber(), reader, conferenceId));
        }
        String bridgeName = user.bridge() == null ? null : user.bridge().name();
        String findLocal = user.bridge() == null ? null
                : config.publicBaseUrl() + "/dial-in/" + user.bridge().id();
        return new DialInInfo(user.userPrincipalName(), user.displayName(), bridgeName, conferenceId,
                List.copyOf(numbers), findLocal);
    }

    private static DialInInfo.Number number(ServiceNumber number, String reader, String conferenceId) {
        return new DialInInfo.Number(number.e164(), number.type().name(), number.country(), number.city(),
                PhoneNumbers.format(number.e164(), reader), PhoneNumbers.telLink(number.e164(), conferenceId));
    }
}
