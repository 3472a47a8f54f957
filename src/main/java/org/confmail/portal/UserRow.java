package org.confmail.portal;

import java.io.Serializable;
import org.confmail.conferencing.boundary.UserView;

/** A user as the portal's tables and forms read it (Faces 4 EL reads JavaBean properties, not record components). */
public class UserRow implements Serializable {

    private static final long serialVersionUID = 1L;
    private final UserView user;

    public UserRow(UserView user) {
        this.user = user;
    }

    public String getUserPrincipalName() {
        return user.userPrincipalName();
    }

    public String getDisplayName() {
        return user.displayName();
    }

    public String getEmail() {
        return user.email();
    }

    public String getConferenceId() {
        return user.conferenceId();
    }

    public boolean isAudioConferencingLicense() {
        return user.audioConferencingLicense();
    }

    public String getProvider() {
        return user.provider();
    }

    public String getTollNumber() {
        return user.tollNumber();
    }

    public String getTollFreeNumber() {
        return user.tollFreeNumber();
    }

    public boolean isHasPin() {
        return user.hasPin();
    }

    public String getBridgeId() {
        return user.bridgeId();
    }

    UserView view() {
        return user;
    }
}
