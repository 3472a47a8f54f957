package org.confmail.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.confmail.security.Roles;

/**
 * What the signed-in account may do, for pages to show only the actions it may take: {@code #{can.send}}. Hiding
 * is for the reader; the services refuse the rest whatever a request asks.
 */
@Named
@RequestScoped
public class Can {

    @Inject
    SecurityContext security;

    /** Send emails, reset PINs or conference IDs, start bulk sends, retry failed emails (admin, operator). */
    public boolean isSend() {
        return any(Roles.ADMIN, Roles.OPERATOR);
    }

    /** Change a user's name, language, country, default numbers and static conference ID (admin, operator). */
    public boolean isEditUser() {
        return any(Roles.ADMIN, Roles.OPERATOR);
    }

    /** Change a user's address, license, provider and bridge; bridges and tenant settings (admin). */
    public boolean isManage() {
        return any(Roles.ADMIN);
    }

    /** Accounts and their API tokens (admin). */
    public boolean isAccounts() {
        return any(Roles.ADMIN);
    }

    /** Import users from a CSV file (admin, like the API's import). */
    public boolean isImportUsers() {
        return any(Roles.ADMIN);
    }

    /** The audit trail (admin, auditor). */
    public boolean isAudit() {
        return any(Roles.ADMIN, Roles.AUDITOR);
    }

    private boolean any(String... roles) {
        for (String role : roles) {
            if (security.isCallerInRole(role)) {
                return true;
            }
        }
        return false;
    }
}
