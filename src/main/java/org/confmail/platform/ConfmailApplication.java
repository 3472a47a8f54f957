package org.confmail.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.confmail.conferencing.boundary.BridgesResource;
import org.confmail.conferencing.boundary.UserImportsResource;
import org.confmail.conferencing.boundary.UsersResource;
import org.confmail.mail.boundary.BulkResource;
import org.confmail.mail.boundary.ConferenceInfoResource;
import org.confmail.mail.boundary.EmailsResource;
import org.confmail.platform.problem.ProblemMappers;
import org.confmail.tenant.boundary.DialInSettingsResource;
import org.confmail.security.Roles;
import org.confmail.audit.boundary.AuditResource;
import org.confmail.security.boundary.AccountsResource;
import org.confmail.security.boundary.DeniedRequests;

/**
 * The REST API under {@code /api/v1}: JSON in and out, problem documents for errors, roles on every operation.
 * Its resources and providers are listed in {@link #getClasses()}: with a second JAX-RS application in the WAR
 * (Jitsi Meet's, under {@code /jitsi}), an application that listed nothing would serve every resource of the WAR,
 * the other's included. A unit test checks that each resource and provider belongs to exactly one application.
 * The API is described in {@code META-INF/openapi.yaml} alone; {@code OpenApiDocumentTest} holds it to these classes.
 */
@ApplicationPath("api/v1")
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
public class ConfmailApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                UsersResource.class, UserImportsResource.class, BridgesResource.class, DialInSettingsResource.class,
                ConferenceInfoResource.class, EmailsResource.class, BulkResource.class,
                AccountsResource.class, AuditResource.class, DeniedRequests.class,
                JsonConfiguration.class,
                ProblemMappers.WebApplication.class, ProblemMappers.Processing.class, ProblemMappers.Jsonb.class,
                ProblemMappers.Ejb.class, ProblemMappers.Unexpected.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        // Enforce @RolesAllowed on resource methods (Jersey's own feature, named so we need no compile dependency).
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
