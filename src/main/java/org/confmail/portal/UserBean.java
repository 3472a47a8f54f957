package org.confmail.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.confmail.conferencing.boundary.UserView;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.control.PhoneNumbers;
import org.confmail.conferencing.control.UserChanges;
import org.confmail.conferencing.control.UserChanges.Field;
import org.confmail.conferencing.control.UserActions;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.mail.boundary.EmailView;
import org.confmail.mail.control.ConferenceInfoService;
import org.confmail.mail.control.EmailHistory;
import org.confmail.platform.problem.ProblemException;
import org.primefaces.PrimeFaces;

/**
 * A user's page: properties, and the Audio Conferencing action pane (send conference info, reset PIN or
 * conference ID, static ID, license, provider, default numbers) with the user's email history.
 *
 * <p>Every save names the version the page read, and the service refuses it when someone else saved in between
 * (the rule behind the API's If-Match). The page then shows what changed ({@link Conflict}) and the admin reloads,
 * losing their unsaved change, or overwrites: the same save again, over the version they have now seen.
 */
@Named
@ViewScoped
public class UserBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A number offered for the default toll or toll-free choice. */
    public record NumberChoice(String e164, String label) implements Serializable {
    }

    /** The page's saves, each a merge of some fields: what an overwrite does again. */
    enum Save {
        PROPERTIES("user.saved"), DIAL_IN("user.saved"), STATIC_ID("user.staticId.saved"),
        LICENSE_ON("user.license.on"), LICENSE_OFF("user.license.off");

        final String doneKey;

        Save(String doneKey) {
            this.doneKey = doneKey;
        }
    }

    @Inject
    transient UserService users;

    @Inject
    transient UserDirectory directory;

    @Inject
    transient UserActions actions;

    @Inject
    transient BridgeService bridges;

    @Inject
    transient ConferenceInfoService conferenceInfo;

    @Inject
    transient EmailHistory history;

    private String upn;
    private UserView user;
    private long version;
    private boolean notFound;
    private Conflict conflict;
    private Save pending;

    private String displayName;
    private String email;
    private String preferredLanguage;
    private String country;
    private String staticConferenceId;
    private String provider;
    private String thirdPartyProviderName;
    private String tollNumber;
    private String tollFreeNumber;
    private boolean allowTollFreeDialIn;
    private String sendTo;
    private String revealedPin;

    /** Called by f:viewAction once the upn parameter is set. */
    public void load() {
        try {
            ConferencingUser found = directory.find(upn);
            user = UserView.of(found);
            version = found.version();
            notFound = false;
        } catch (ProblemException e) {
            notFound = true;
            return;
        }
        displayName = user.displayName();
        email = user.email();
        preferredLanguage = user.preferredLanguage();
        country = user.country();
        staticConferenceId = user.conferenceId();
        provider = user.provider();
        thirdPartyProviderName = user.thirdPartyProviderName();
        tollNumber = user.tollNumber();
        tollFreeNumber = user.tollFreeNumber();
        allowTollFreeDialIn = user.allowTollFreeDialIn();
    }

    public void saveProperties() {
        save(Save.PROPERTIES);
    }

    public void saveDialIn() {
        save(Save.DIAL_IN);
    }

    public void changeLicense(boolean on) {
        save(on ? Save.LICENSE_ON : Save.LICENSE_OFF);
    }

    public void saveStaticId() {
        save(Save.STATIC_ID);
    }

    /** After a conflict: the refused save again, over the version the conflict showed. */
    public void overwrite() {
        if (conflict != null) {
            version = conflict.currentVersion();
            conflict = null;
            save(pending);
        }
    }

    /** After a conflict: the page afresh, as stored now; unsaved changes are dropped. */
    public String reload() {
        conflict = null;
        return "/admin/user?faces-redirect=true&includeViewParams=true";
    }

    /**
     * The fields of this save that the admin changed from what the page read: a merge-patch of those only, so
     * that an overwrite after a conflict replaces someone else's value only where the admin changed it too.
     */
    private UserChanges changes(Save save) {
        UserView read = user;
        UserChanges changes = new UserChanges();
        switch (save) {
            case PROPERTIES -> {
                changed(changes, Field.displayName, displayName, read.displayName());
                changed(changes, Field.email, email, read.email());
                changed(changes, Field.preferredLanguage, preferredLanguage, read.preferredLanguage());
                changed(changes, Field.country, country, read.country());
            }
            case DIAL_IN -> {
                changed(changes, Field.provider, provider, read.provider());
                // A provider name belongs to THIRD_PARTY only; switching away from it clears the name.
                changed(changes, Field.thirdPartyProviderName,
                        "THIRD_PARTY".equals(provider) ? thirdPartyProviderName : null, read.thirdPartyProviderName());
                changed(changes, Field.tollNumber, tollNumber, read.tollNumber());
                changed(changes, Field.tollFreeNumber, tollFreeNumber, read.tollFreeNumber());
                changed(changes, Field.allowTollFreeDialIn, allowTollFreeDialIn, read.allowTollFreeDialIn());
            }
            case STATIC_ID -> changed(changes, Field.conferenceId, staticConferenceId, read.conferenceId());
            case LICENSE_ON -> changes.set(Field.audioConferencingLicense, true);
            case LICENSE_OFF -> changes.set(Field.audioConferencingLicense, false);
        }
        return changes;
    }

    private static void changed(UserChanges changes, Field field, Object value, Object read) {
        if (!Objects.equals(value, read)) {
            changes.set(field, value);
        }
    }

    private void save(Save save) {
        try {
            users.update(upn, changes(save), version);
            load();
            Messages.info(save.doneKey);
        } catch (ProblemException e) {
            if (e.isStale()) {
                showConflict(save);
            } else {
                Messages.refused(e);
            }
        }
    }

    /** What changed since the page read the user, next to what this save would write; then the dialog. */
    private void showConflict(Save save) {
        ConferencingUser stored = directory.find(upn);
        UserView then = user;
        UserView now = UserView.of(stored);
        UserChanges mine = changes(save);
        List<Conflict.Change> changes = new ArrayList<>();
        changes.addAll(Conflict.row("user.displayName", then.displayName(), now.displayName(),
                mine.get(Field.displayName)));
        changes.addAll(Conflict.row("user.email", then.email(), now.email(), mine.get(Field.email)));
        changes.addAll(Conflict.row("user.language", then.preferredLanguage(), now.preferredLanguage(),
                mine.get(Field.preferredLanguage)));
        changes.addAll(Conflict.row("user.country", then.country(), now.country(), mine.get(Field.country)));
        changes.addAll(Conflict.row("user.license", license(then.audioConferencingLicense()),
                license(now.audioConferencingLicense()), mine.has(Field.audioConferencingLicense)
                        ? license(mine.get(Field.audioConferencingLicense)) : null));
        changes.addAll(Conflict.row("user.provider", providerLabel(then.provider()),
                providerLabel(now.provider()), providerLabel(mine.get(Field.provider))));
        changes.addAll(Conflict.row("user.thirdParty", then.thirdPartyProviderName(),
                now.thirdPartyProviderName(), mine.get(Field.thirdPartyProviderName)));
        changes.addAll(Conflict.row("user.tollNumber", number(then.tollNumber(), then.country()),
                number(now.tollNumber(), now.country()), number(mine.get(Field.tollNumber), now.country())));
        changes.addAll(Conflict.row("user.tollFreeNumber", number(then.tollFreeNumber(), then.country()),
                number(now.tollFreeNumber(), now.country()), number(mine.get(Field.tollFreeNumber), now.country())));
        changes.addAll(Conflict.row("user.allowTollFree", yesNo(then.allowTollFreeDialIn()),
                yesNo(now.allowTollFreeDialIn()), mine.has(Field.allowTollFreeDialIn)
                        ? yesNo(mine.get(Field.allowTollFreeDialIn)) : null));
        changes.addAll(Conflict.row("user.conferenceId", then.conferenceId(), now.conferenceId(),
                mine.get(Field.conferenceId)));
        conflict = new Conflict(changes, now.updatedAt(), stored.version());
        pending = save;
        PrimeFaces.current().ajax().update("conflict-form");
        PrimeFaces.current().ajax().addCallbackParam("conflict", true);
        PrimeFaces.current().executeScript("PF('conflictDialog').show()");
    }

    private static String license(boolean assigned) {
        return Messages.text(assigned ? "user.license.assigned" : "user.license.none");
    }

    private static String yesNo(boolean value) {
        return Messages.text(value ? "yes" : "no");
    }

    private static String providerLabel(String provider) {
        return provider == null ? null : Messages.text("provider." + provider);
    }

    private static String number(String e164, String country) {
        return e164 == null ? null : PhoneNumbers.format(e164, country);
    }

    public void sendInfo() {
        try {
            conferenceInfo.send(upn, sendTo);
            Messages.info("user.info.queued", sendTo == null || sendTo.isBlank() ? user.email() : sendTo);
            sendTo = null;
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public void resetPin() {
        try {
            revealedPin = actions.resetPin(upn).pin();
            load();
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    /** The PIN is shown once: reading it for the dialog forgets it. */
    public String takeRevealedPin() {
        String pin = revealedPin;
        revealedPin = null;
        return pin;
    }

    public boolean isPinRevealed() {
        return revealedPin != null;
    }

    public void resetConferenceId() {
        try {
            String id = actions.resetConferenceId(upn).conferenceId();
            load();
            Messages.info("user.conferenceId.reset", id);
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public List<NumberChoice> getTollNumbers() {
        return numbers(NumberType.TOLL);
    }

    public List<NumberChoice> getTollFreeNumbers() {
        return numbers(NumberType.TOLL_FREE);
    }

    private List<NumberChoice> numbers(NumberType type) {
        if (user == null || user.bridgeId() == null) {
            return List.of();
        }
        return bridges.numbers(user.bridgeId()).stream().filter(n -> n.type() == type)
                .map(n -> new NumberChoice(n.e164(), PhoneNumbers.format(n.e164(), user.country())
                        + " · " + n.country() + (n.city() == null ? "" : " · " + n.city())))
                .toList();
    }

    public List<EmailView> getHistory() {
        if (user == null) {
            return List.of();
        }
        return history.list(null, null, upn, 0, 50).items().stream().map(EmailView::of).toList();
    }

    /** The refused save's conflict while its dialog is open; null otherwise. */
    public Conflict getConflict() {
        return conflict;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public UserView getUser() {
        return user;
    }

    public String getUpn() {
        return upn;
    }

    public void setUpn(String upn) {
        this.upn = upn;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getStaticConferenceId() {
        return staticConferenceId;
    }

    public void setStaticConferenceId(String staticConferenceId) {
        this.staticConferenceId = staticConferenceId;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getThirdPartyProviderName() {
        return thirdPartyProviderName;
    }

    public void setThirdPartyProviderName(String thirdPartyProviderName) {
        this.thirdPartyProviderName = thirdPartyProviderName;
    }

    public String getTollNumber() {
        return tollNumber;
    }

    public void setTollNumber(String tollNumber) {
        this.tollNumber = tollNumber;
    }

    public String getTollFreeNumber() {
        return tollFreeNumber;
    }

    public void setTollFreeNumber(String tollFreeNumber) {
        this.tollFreeNumber = tollFreeNumber;
    }

    public boolean isAllowTollFreeDialIn() {
        return allowTollFreeDialIn;
    }

    public void setAllowTollFreeDialIn(boolean allowTollFreeDialIn) {
        this.allowTollFreeDialIn = allowTollFreeDialIn;
    }

    public String getSendTo() {
        return sendTo;
    }

    public void setSendTo(String sendTo) {
        this.sendTo = sendTo;
    }
}
