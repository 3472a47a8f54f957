package org.confmail.security.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.confmail.platform.crypto.SecretBox;
import org.confmail.platform.config.ConfmailConfig;

/**
 * The relying party of portal single sign-on: OpenID Connect's authorization code flow with PKCE (S256), a state
 * bound to the browser and a nonce bound to the ID token, against the provider {@code CONFMAIL_OIDC_ISSUER} names.
 * Built on the Nimbus OAuth 2.0 / OpenID Connect SDK: Jakarta Security's own OpenID Connect mechanism (Soteria
 * 4.0 in Payara 7) has no PKCE.
 *
 * <p>What the flow needs between the redirect to the provider and the way back (state, nonce, PKCE verifier, expiry)
 * travels in a cookie sealed with the service's secret key ({@link SecretBox}, AES-GCM): no server memory for
 * anonymous visitors to fill, any instance can finish a flow another began, and a browser can only finish a flow it
 * began itself (the state in the query must match the one sealed in its own cookie).
 *
 * <p>The provider's discovery document is read on the first use and kept; a failure is retried on a later sign-in,
 * so confmail starts, and its local accounts work, while the provider is away.
 */
@ApplicationScoped
public class OpenIdProvider {

    private static final Logger LOG = Logger.getLogger(OpenIdProvider.class.getName());
    private static final int TIMEOUT_MILLIS = 10_000;
    /** How long a person may take on the provider's pages between leaving confmail and coming back. */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);
    private static final String SEALED_PREFIX = "oidc-flow-v1|";

    @Inject
    ConfmailConfig config;

    @Inject
    SecretBox secrets;

    private volatile Provider provider;

    /** The provider's metadata and the ID token validator made from it. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    /** The browser is sent to {@code location}; {@code sealedFlow} goes into its sign-in cookie. */
    public record Start(URI location, String sealedFlow) {
    }

    /** Who signed in: the name confmail shows and audits, the provider's subject, groups and roles. */
    public record SignedIn(String name, String subject, String issuer, List<String> groups, Set<String> roles,
            String idToken) implements Serializable {
    }

    /** A sign-in that did not succeed; {@code reason} is for the audit trail and the log, never for the browser. */
    public static class Refused extends Exception {
        private final boolean providerUnavailable;

        Refused(String reason, boolean providerUnavailable) {
            super(reason);
            this.providerUnavailable = providerUnavailable;
        }

        public boolean providerUnavailable() {
            return providerUnavailable;
        }
    }

    public boolean enabled() {
        return config.oidcIssuer().isPresent();
    }

    public String issuer() {
        return config.oidcIssuer().orElseThrow();
    }

    /** Starts a sign-in: the provider's authorization URL, and the flow to seal into the browser's cookie. */
    public Start begin(URI redirectUri) throws Refused {
        Provider p = provider();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email"), new ClientID(config.oidcClientId()), redirectUri)
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        long expires = Instant.now().plus(FLOW_LIFETIME).getEpochSecond();
        String flow = SEALED_PREFIX + state.getValue() + "|" + nonce.getValue() + "|" + verifier.getValue() + "|"
                + expires;
        return new Start(request.toURI(), secrets.seal(flow));
    }

    /**
     * Finishes a sign-in from the provider's redirect: checks the state against the browser's sealed flow, redeems
     * the code with the PKCE verifier and the client secret, validates the ID token (signature, issuer, audience,
     * expiry, nonce) and reads the groups (from the ID token, else from UserInfo).
     */
    public SignedIn complete(URI callback, String sealedFlow, URI redirectUri) throws Refused {
        String[] flow = openFlow(sealedFlow);
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new Refused("the provider's answer is malformed", false);
        }
        if (response.getState() == null || !MessageDigest.isEqual(
                response.getState().getValue().getBytes(StandardCharsets.UTF_8),
                flow[1].getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("the state does not match the sign-in this browser started", false);
        }
        if (response instanceof AuthenticationErrorResponse error) {
            throw new Refused("the provider refused: " + printable(error.getErrorObject().getCode()), false);
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new Refused("the provider's answer has no code", false);
        }
        Provider p = provider();
        try {
            TokenRequest tokenRequest = new TokenRequest(p.metadata().getTokenEndpointURI(), clientAuthentication(p),
                    new AuthorizationCodeGrant(code, redirectUri, new CodeVerifier(flow[3])));
            TokenResponse tokenResponse = OIDCTokenResponseParser.parse(timed(tokenRequest.toHTTPRequest()).send());
            if (!tokenResponse.indicatesSuccess()) {
                throw new Refused("the provider refused the code: "
                        + printable(tokenResponse.toErrorResponse().getErrorObject().getCode()), false);
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            JWT idToken = tokens.getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = p.validator().validate(idToken, new Nonce(flow[2]));
            String subject = claims.getSubject().getValue();
            Object groupsClaim = claims.getClaim(config.oidcGroupsClaim());
            if (groupsClaim == null && p.metadata().getUserInfoEndpointURI() != null
                    && tokens.getOIDCTokens().getAccessToken() instanceof BearerAccessToken bearer) {
                groupsClaim = userInfoGroups(p, bearer, subject);
            }
            List<String> groups = strings(groupsClaim);
            String name = shown(firstPresent(claims.getStringClaim("preferred_username"),
                    claims.getStringClaim("email"), subject));
            return new SignedIn(name, subject, issuer(), groups, GroupRoles.roles(groups, config.oidcRoleGroups()),
                    idToken.serialize());
        } catch (com.nimbusds.oauth2.sdk.ParseException | java.io.IOException e) {
            LOG.log(Level.WARNING, "Single sign-on: the provider's token endpoint failed: " + e.getMessage());
            throw new Refused("the provider's token endpoint failed: " + e.getMessage(), true);
        } catch (com.nimbusds.jose.JOSEException | com.nimbusds.oauth2.sdk.GeneralException
                | com.nimbusds.jose.proc.BadJOSEException e) {
            throw new Refused("the ID token is not valid: " + e.getMessage(), false);
        }
    }

    /** Where to send the browser to end the provider's session too, when the provider can (RP-initiated logout). */
    public java.util.Optional<URI> logoutUri(String idToken, URI afterLogout) {
        Provider p = provider;
        if (p == null || p.metadata().getEndSessionEndpointURI() == null || idToken == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new LogoutRequest(p.metadata().getEndSessionEndpointURI(),
                    JWTParser.parse(idToken), afterLogout, null).toURI());
        } catch (java.text.ParseException e) {
            return java.util.Optional.empty();
        }
    }

    private String[] openFlow(String sealedFlow) throws Refused {
        if (sealedFlow == null || sealedFlow.isEmpty() || sealedFlow.length() > 2000) {
            throw new Refused("this browser started no sign-in (no sign-in cookie)", false);
        }
        String flow;
        try {
            flow = secrets.open(sealedFlow);
        } catch (IllegalStateException e) {
            throw new Refused("the sign-in cookie is not one confmail sealed", false);
        }
        String[] parts = flow.split("\\|");
        if (!flow.startsWith(SEALED_PREFIX) || parts.length != 5) {
            throw new Refused("the sign-in cookie is not one confmail sealed", false);
        }
        if (Instant.now().getEpochSecond() > Long.parseLong(parts[4])) {
            throw new Refused("the sign-in took longer than " + FLOW_LIFETIME.toMinutes() + " minutes", false);
        }
        return parts;
    }

    private Object userInfoGroups(Provider p, BearerAccessToken token, String subject)
            throws java.io.IOException, com.nimbusds.oauth2.sdk.ParseException, Refused {
        UserInfoResponse info = UserInfoResponse.parse(timed(new UserInfoRequest(
                p.metadata().getUserInfoEndpointURI(), token).toHTTPRequest()).send());
        if (!info.indicatesSuccess()) {
            return null;
        }
        var userInfo = info.toSuccessResponse().getUserInfo();
        if (!subject.equals(userInfo.getSubject().getValue())) {
            // OpenID Connect Core 5.3.2: a UserInfo answer about someone else must not be used.
            throw new Refused("UserInfo names another subject than the ID token", false);
        }
        return userInfo.getClaim(config.oidcGroupsClaim());
    }

    private ClientAuthentication clientAuthentication(Provider p) {
        ClientID id = new ClientID(config.oidcClientId());
        Secret secret = new Secret(config.oidcClientSecret());
        List<ClientAuthenticationMethod> methods = p.metadata().getTokenEndpointAuthMethods();
        // client_secret_basic is the default (RFC 8414); post only for a provider that offers nothing else.
        if (methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(id, secret);
        }
        return new ClientSecretBasic(id, secret);
    }

    private Provider provider() throws Refused {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (provider == null) {
                try {
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuer()),
                            TIMEOUT_MILLIS, TIMEOUT_MILLIS);
                    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS)).build();
                    Set<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs() == null ? Set.of(JWSAlgorithm.RS256)
                            : metadata.getIDTokenJWSAlgs().stream()
                                    .filter(a -> !JWSAlgorithm.Family.HMAC_SHA.contains(a))
                                    .filter(a -> !a.getName().equals("none")).collect(Collectors.toSet());
                    IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(),
                            new ClientID(config.oidcClientId()), new JWSVerificationKeySelector<>(algorithms, keys),
                            null);
                    validator.setMaxClockSkew(60);
                    provider = new Provider(metadata, validator);
                    LOG.info("Single sign-on: using the OpenID Connect provider " + metadata.getIssuer());
                } catch (java.io.IOException | com.nimbusds.oauth2.sdk.GeneralException | RuntimeException e) {
                    LOG.warning("Single sign-on: the OpenID Connect provider " + issuer()
                            + " cannot be reached or its discovery document is not usable: " + e.getMessage());
                    throw new Refused("the provider's discovery document cannot be read: " + e.getMessage(), true);
                }
            }
            return provider;
        }
    }

    private static HTTPRequest timed(HTTPRequest request) {
        request.setConnectTimeout(TIMEOUT_MILLIS);
        request.setReadTimeout(TIMEOUT_MILLIS);
        return request;
    }

    /** A groups claim as strings: a JSON array (the usual), or a single string. */
    static List<String> strings(Object claim) {
        List<String> groups = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.stream().filter(v -> v != null).map(String::valueOf).forEach(groups::add);
        } else if (claim instanceof String value) {
            groups.add(value);
        }
        return groups;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** A name as confmail shows and audits it: no control characters, at most 200 characters. */
    static String shown(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    private static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        String clean = text.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) : clean;
    }
}
