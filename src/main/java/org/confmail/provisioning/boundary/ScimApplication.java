package org.confmail.provisioning.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.confmail.security.Roles;

/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) under {@code /scim/v2}, for identity providers: its own application so
 * that its answers are {@code application/scim+json} and its errors SCIM error documents, not the API's problem
 * documents. Only an API token of a {@code provisioner} account gets in (the authentication mechanism takes nothing
 * else here), and a provisioner gets nowhere else.
 */
@ApplicationPath("scim/v2")
@DeclareRoles(Roles.PROVISIONER)
public class ScimApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ScimUsersResource.class, ScimGroupsResource.class, ScimDiscoveryResource.class,
                ScimErrors.class, ScimDeniedRequests.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
