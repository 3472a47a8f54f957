package org.confmail.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.confmail.conferencing.boundary.UserView;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.control.UserChanges;
import org.confmail.conferencing.control.UserChanges.Field;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.mail.boundary.EmailView;
import org.confmail.mail.control.ConferenceInfoService;
import org.confmail.mail.control.EmailHistory;
import org.confmail.platform.problem.ProblemException;

/**
 * A user's page: properties, and the Audio Conferencing action pane (send conference info, reset PIN or
 * conference ID, static ID, license, provider, default numbers) with the user's email history.
 */
@Named
@ViewScoped
public class UserBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A number offered for the default toll or toll-free choice. */
    public record NumberChoice(String e164, String label) implements Serializable {
    }

    @Inject
    transient UserService users;

    @Inject
    transient BridgeService bridges;

    @Inject
    transient ConferenceInfoService conferenceInfo;

    @Inject
    transient EmailHistory history;

    private String upn;
    private UserView user;
    private boolean notFound;

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
            user = UserView.of(users.find(upn));
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
        change(new UserChanges().set(Field.displayName, displayName).set(Field.email, email)
                .set(Field.preferredLanguage, preferredLanguage).set(Field.country, country), "user.saved");
    }

    public void saveDialIn() {
        change(new UserChanges().set(Field.provider, provider).set(Field.thirdPartyProviderName,
                        "THIRD_PARTY".equals(provider) ? thirdPartyProviderName : null)
                .set(Field.tollNumber, tollNumber).set(Field.tollFreeNumber, tollFreeNumber)
                .set(Field.allowTollFreeDialIn, allowTollFreeDialIn), "user.saved");
    }

    public void changeLicense(boolean on) {
        change(new UserChanges().set(Field.audioConferencingLicense, on), on ? "user.license.on" : "user.license.off");
    }

    public void saveStaticId() {
        change(new UserChanges().set(Field.conferenceId, staticConferenceId), "user.staticId.saved");
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
            revealedPin = users.resetPin(upn).pin();
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
            String id = users.resetConferenceId(upn).conferenceId();
            load();
            Messages.info("user.conferenceId.reset", id);
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    private void change(UserChanges changes, String successKey) {
        try {
            users.update(upn, changes, null);
            load();
            Messages.info(successKey);
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
                .map(n -> new NumberChoice(n.e164(), n.e164() + " · " + n.country()
                        + (n.city() == null ? "" : " · " + n.city())))
                .toList();
    }

    public List<EmailView> getHistory() {
        if (user == null) {
            return List.of();
        }
        return history.list(null, null, upn, 0, 50).items().stream().map(EmailView::of).toList();
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
