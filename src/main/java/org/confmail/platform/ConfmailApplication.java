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
import org.confmail.platform.problem.Problem;
import org.confmail.security.Roles;
import org.confmail.audit.boundary.AuditResource;
import org.confmail.security.boundary.AccountExamples;
import org.confmail.security.boundary.AccountsResource;
import org.confmail.security.boundary.DeniedRequests;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under {@code /api/v1}: JSON in and out, problem documents for errors, roles on every operation.
 * Its resources and providers are listed in {@link #getClasses()}: with a second JAX-RS application in the WAR
 * (Jitsi Meet's, under {@code /jitsi}), an application that listed nothing would serve every resource of the WAR,
 * the other's included. A unit test checks that each resource and provider belongs to exactly one application.
 * The OpenAPI responses declared here are the refusals every operation can meet (401, 403) or that many share (no
 * such user); the schemas without a Java type of their own are in {@code META-INF/openapi.yaml}.
 */
@ApplicationPath("api/v1")
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
@OpenAPIDefinition(
        info = @Info(title = "confmail API", version = "1",
                description = "Users' audio-conferencing dial-in information and the emails that deliver it."
                        + " Errors are RFC 9457 application/problem+json documents that name the fields at fault."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")},
        components = @Components(
                responses = {
                    @APIResponse(name = "Unauthorized", responseCode = "401",
                            description = "No credentials, or wrong ones",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                    examples = @ExampleObject(name = "unauthorized",
                                            value = ApiExamples.UNAUTHORIZED))),
                    @APIResponse(name = "Forbidden", responseCode = "403",
                            description = "The account's roles do not allow this operation",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                    examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN))),
                    @APIResponse(name = "UserNotFound", responseCode = "404", description = "There is no such user",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                    examples = @ExampleObject(name = "userNotFound",
                                            value = ApiExamples.USER_NOT_FOUND))),
                    @APIResponse(name = "AccountNotFound", responseCode = "404",
                            description = "There is no such account",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                                    examples = @ExampleObject(name = "accountNotFound",
                                            value = AccountExamples.ACCOUNT_NOT_FOUND)))}))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token an admin created for an account (POST /accounts/{username}/tokens)")
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
