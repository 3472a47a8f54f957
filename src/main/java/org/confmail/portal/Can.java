package org.confmail.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.confmail.security.Roles;

/**
 * What the signed-in account may do, for pages to hide or disable actions: {@code #{can.send}}. The portal admits
 * admins only today; operators (send and reset) and auditors (read) need only the web.xml constraint widened.
 */
@Named
@RequestScoped
public class Can {

    @Inject
    SecurityContext security;

    /** Send emails and reset PINs or conference IDs (admin, operator). */
    public boolean isSend() {
        return security.isCallerInRole(Roles.ADMIN) || security.isCallerInRole(Roles.OPERATOR);
    }

    /** Change users, bridges and tenant settings (admin). */
    public boolean isManage() {
        return security.isCallerInRole(Roles.ADMIN);
    }
}
