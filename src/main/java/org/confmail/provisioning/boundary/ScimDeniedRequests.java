package org.confmail.provisioning.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.confmail.audit.control.AuditTrail;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.security.control.Caller;

/**
 * Records in the audit trail a SCIM request refused for its caller's roles (an admin's or an operator's token), as
 * {@code api.denied} with the method and path, as the API's refusals are.
 */
@Provider
public class ScimDeniedRequests implements ContainerResponseFilter {

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
        audit.record(caller.name(), caller.tokenName(), caller.address(), "api.denied",
                "/scim/v2/" + request.getUriInfo().getPath(), AuditOutcome.DENIED, request.getMethod()
                        + " refused: needs the provisioner role");
    }
}
