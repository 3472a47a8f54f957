package org.confmail.provisioning.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;
import org.confmail.security.boundary.DeniedRequests;

/** SCIM's refusals for the caller's roles (an admin's or an operator's token), audited as the API's are. */
@Provider
public class ScimDeniedRequests extends DeniedRequests {

    @Override
    protected String pathOf(ContainerRequestContext request) {
        return "/scim/v2/" + request.getUriInfo().getPath();
    }
}
