package org.confmail.security.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.confmail.audit.control.AuditTrail;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.security.control.Caller;

/**
 * Records in the audit trail an API request that its operation's roles refused before any service ran
 * ({@code @RolesAllowed}: an auditor's POST, an operator's look at the accounts) as {@code api.denied}, with the
 * method and path. A refusal by a service is already recorded by the service's own guard. SCIM's application has
 * its own subclass, which names its paths in full.
 */
@Provider
public class DeniedRequests implements ContainerResponseFilter {

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 403 || request.getProperty(AuditTrail.RECORDED) != null
                || request.getSecurityContext().getUserPrincipal() == null) {
            return;
        }
        String path = pathOf(request);
        audit.record(caller.name(), caller.tokenName(), caller.address(), "api.denied", path, AuditOutcome.DENIED,
                request.getMethod() + " " + path + " needs another role than " + caller.rolesText());
    }

    /** The path as the audit trail names it: below {@code /api/v1} for the API. */
    protected String pathOf(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath();
    }
}
