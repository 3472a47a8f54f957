package org.confmail.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.confmail.security.Roles;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /api/v1}: JSON in and out, problem documents for errors, roles on every operation. */
@ApplicationPath("api/v1")
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
@OpenAPIDefinition(
        info = @Info(title = "confmail API", version = "1",
                description = "Users' audio-conferencing dial-in information and the emails that deliver it."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ConfmailApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Enforce @RolesAllowed on resource methods (Jersey's own feature, named so we need no compile dependency).
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
