package org.confmail.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.confmail.platform.problem.ProblemException;
import org.confmail.security.Roles;
import org.confmail.security.boundary.AccountView;
import org.confmail.security.boundary.TokenView;
import org.confmail.security.control.AccountService;
import org.confmail.security.control.ApiTokens;

/**
 * Accounts (admins only, like the API): create one with roles, change roles, disable or enable, reset the password,
 * delete; and an account's API tokens: create (the token shown once), list with last use, revoke.
 */
@Named
@ViewScoped
public class AccountsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AccountService accounts;

    @Inject
    transient ApiTokens tokens;

    private String newUsername;
    private String newPassword;
    private List<String> newRoles = new ArrayList<>(List.of(Roles.OPERATOR));

    private String selected;
    private List<String> roles = new ArrayList<>();
    private String password;
    private String tokenName;
    private int tokenDays = (int) ApiTokens.DEFAULT_LIFETIME.toDays();
    private String tokenRole;
    private String revealedToken;

    public List<AccountView> getAccounts() {
        return accounts.list(0, 200).items().stream().map(AccountView::of).toList();
    }

    public List<String> getAllRoles() {
        return Roles.ALL;
    }

    public void create() {
        try {
            String name = accounts.create(newUsername, newPassword, newRoles, true).username();
            Messages.info("accounts.created", name);
            newUsername = null;
            newPassword = null;
            select(name);
        } catch (ProblemException e) {
            Messages.refused(e);
        } finally {
            newPassword = null;
        }
    }

    public void select(String username) {
        try {
            roles = new ArrayList<>(accounts.find(username).roles());
            selected = username;
            revealedToken = null;
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public AccountView getAccount() {
        return selected == null ? null : AccountView.of(accounts.find(selected));
    }

    public void saveRoles() {
        try {
            accounts.update(selected, roles, null, null);
            Messages.info("accounts.saved");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public void enable(boolean on) {
        try {
            accounts.update(selected, null, on, null);
            Messages.info(on ? "accounts.enabled" : "accounts.disabled");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public void resetPassword() {
        try {
            accounts.resetPassword(selected, password);
            Messages.info("accounts.passwordReset");
        } catch (ProblemException e) {
            Messages.refused(e);
        } finally {
            password = null;
        }
    }

    public void delete() {
        try {
            accounts.delete(selected);
            Messages.info("accounts.deleted", selected);
            selected = null;
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public List<TokenView> getTokens() {
        return selected == null ? List.of() : tokens.list(selected).stream().map(TokenView::of).toList();
    }

    public void createToken() {
        try {
            ApiTokens.Issued issued = tokens.create(selected, tokenName,
                    Instant.now().plus(Duration.ofDays(Math.max(1, tokenDays))),
                    tokenRole == null || tokenRole.isBlank() ? null : tokenRole);
            revealedToken = issued.secret();
            tokenName = null;
            Messages.info("accounts.token.created");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    /** The new token is shown once: reading it for the page forgets it. */
    public String takeRevealedToken() {
        String token = revealedToken;
        revealedToken = null;
        return token;
    }

    public boolean isTokenRevealed() {
        return revealedToken != null;
    }

    public void revokeToken(String id) {
        try {
            tokens.revoke(selected, id);
            Messages.info("accounts.token.revoked");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public String getSelected() {
        return selected;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public List<String> getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(List<String> newRoles) {
        this.newRoles = newRoles;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public int getTokenDays() {
        return tokenDays;
    }

    public void setTokenDays(int tokenDays) {
        this.tokenDays = tokenDays;
    }

    public String getTokenRole() {
        return tokenRole;
    }

    public void setTokenRole(String tokenRole) {
        this.tokenRole = tokenRole;
    }
}
