package org.confmail.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.confmail.platform.ClientAddresses;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's settings, read once through MicroProfile Config (so {@code CONFMAIL_SMTP_PORT} in the environment
 * and {@code confmail.smtp.port} as a system property both work) and checked as a whole by {@link #problems()}.
 * Defaults live in {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class ConfmailConfig {

    public enum SmtpSecurity { NONE, STARTTLS, TLS }

    /** When a queued email is announced to the sender: after the commit (default) or in the XA transaction. */

    /**
     * The application's configuration, looked up with the application's own class loader on every use rather than
     * injected: this bean may first be created on a thread whose context class loader is not the application's (a
     * health check polled while the application is still starting), and Payara then hands out a Config without the
     * application's microprofile-config.properties, which an injected field would keep for good.
     */
    private static Config config() {
        return ConfigProvider.getConfig(ConfmailConfig.class.getClassLoader());
    }

    public Path dataDir() {
        return Path.of(text("confmail.data.dir"));
    }

    public String smtpHost() {
        return text("confmail.smtp.host");
    }

    public int smtpPort() {
        return Integer.parseInt(text("confmail.smtp.port"));
    }

    public Optional<String> smtpUser() {
        return config().getOptionalValue("confmail.smtp.user", String.class).filter(s -> !s.isBlank());
    }

    public Optional<String> smtpPassword() {
        return config().getOptionalValue("confmail.smtp.password", String.class);
    }

    public SmtpSecurity smtpSecurity() {
        return SmtpSecurity.valueOf(text("confmail.smtp.security").toUpperCase(Locale.ROOT));
    }

    public String defaultFromAddress() {
        return text("confmail.default.from.address");
    }

    public String defaultFromName() {
        return text("confmail.default.from.name");
    }

    public Optional<String> adminPassword() {
        return config().getOptionalValue("confmail.admin.password", String.class).filter(s -> !s.isBlank());
    }

    public int retryMaxAttempts() {
        return Integer.parseInt(text("confmail.retry.max.attempts"));
    }

    public Duration retryInitialDelay() {
        return Duration.parse(text("confmail.retry.initial.delay"));
    }

    public Duration retryMaxDelay() {
        return Duration.parse(text("confmail.retry.max.delay"));
    }

    /** After this long since the request, a transient failure fails the email instead of retrying it. */
    public Duration retryGiveUpAfter() {
        return Duration.parse(text("confmail.retry.give.up.after"));
    }

    /** How long a row may stay QUEUED before the sweeper announces it again. */
    public Duration staleAfter() {
        return Duration.parse(text("confmail.outbox.stale.after"));
    }

    /** How often the sweeper looks for due retries and rows left behind. */
    public Duration sweepInterval() {
        return Duration.parse(text("confmail.outbox.sweep.interval"));
    }

    /**
     * How long a sender's claim on a row lasts: after it, the row counts as abandoned (the sender died) and is sent
     * again. Must be longer than one SMTP exchange can take (connect plus the SMTP timeouts).
     */
    public Duration claimLease() {
        return Duration.parse(text("confmail.outbox.claim.lease"));
    }

    /**
     * The name this process runs under among several instances: {@code CONFMAIL_INSTANCE_NAME}, else the host name
     * and a digest of the data directory, which stays the same when the process is restarted on the same machine.
     */
    public String instanceName() {
        return config().getOptionalValue("confmail.instance.name", String.class).map(String::trim)
                .filter(s -> !s.isEmpty()).orElseGet(this::defaultInstanceName);
    }

    private String defaultInstanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        host = host.replaceAll("[^A-Za-z0-9._-]", "-");
        String dir = dataDir().toAbsolutePath().normalize().toString();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(dir.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String suffix = java.util.HexFormat.of().formatHex(digest, 0, 4);
            return (host.length() > 60 ? host.substring(0, 60) : host) + "-" + suffix;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How often this instance tells the others it is alive. */
    public Duration instanceHeartbeat() {
        return Duration.parse(text("confmail.instance.heartbeat"));
    }

    /** After this long without a heartbeat, an instance counts as dead and its claims are taken over. */
    public Duration instanceDeadAfter() {
        return Duration.parse(text("confmail.instance.dead.after"));
    }

    /** How many emails this instance sends at once: the message-driven bean's sessions and the SMTP connections. */
    public int deliveryConcurrency() {
        return Integer.parseInt(text("confmail.delivery.concurrency"));
    }

    /** How often the broker redelivers a message whose processing failed before it goes to the dead-letter queue. */
    public int deliveryMaxRedeliveries() {
        return Integer.parseInt(text("confmail.delivery.max.redeliveries"));
    }

    /** Read and write timeout of an SMTP exchange (the connect timeout is the smaller of this and 10 s). */
    public Duration smtpTimeout() {
        return Duration.parse(text("confmail.smtp.timeout"));
    }

    public int manualEmailsPerUserPerHour() {
        return Integer.parseInt(text("confmail.manual.emails.per.user.per.hour"));
    }

    public String publicBaseUrl() {
        String url = text("confmail.public.base.url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Base64 AES-256 key for secrets in the outbox; empty means a key file in the data directory. */
    public Optional<String> secretKey() {
        return config().getOptionalValue("confmail.secret.key", String.class).filter(s -> !s.isBlank());
    }

    public boolean demoData() {
        return Boolean.parseBoolean(text("confmail.demo.data"));
    }

    /**
     * The origins whose web pages may read the {@code /jitsi} answers (CORS), as {@link WebAddresses#origin}
     * writes them; {@code ["*"]} lets any origin read them, an empty list none.
     */
    public List<String> jitsiAllowedOrigins() {
        return list("confmail.jitsi.allowed.origins").stream()
                .map(origin -> origin.equals("*") ? origin : WebAddresses.origin(origin)).toList();
    }

    /** The MUC hosts (Jitsi Meet's {@code hosts.muc}) whose rooms the conference mapper maps, in lower case. */
    public List<String> jitsiMucHosts() {
        return list("confmail.jitsi.muc.hosts").stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    /** The bridge whose numbers Jitsi Meet shows, by id or name; empty means the tenant's default bridge. */
    public Optional<String> jitsiBridge() {
        return config().getOptionalValue("confmail.jitsi.bridge", String.class).map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /** The SIP address of a room, with {@code {id}} and {@code {room}} to fill in; empty when there is none. */
    public Optional<String> jitsiSipUriTemplate() {
        return config().getOptionalValue("confmail.jitsi.sip.uri.template", String.class).map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /** The SCIM group (by displayName, any case) whose members hold the audio-conferencing license. */
    public String scimLicenseGroup() {
        return config().getOptionalValue("confmail.scim.license.group", String.class).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse("Audio Conferencing");
    }

    /** Conference-info emails one caller may request per hour, whoever the users (bulk sends aside). */
    public int manualEmailsPerCallerPerHour() {
        return Integer.parseInt(text("confmail.manual.emails.per.caller.per.hour"));
    }

    /** How long after one bulk send starts the next may start. */
    public Duration bulkCooldown() {
        return Duration.parse(text("confmail.bulk.cooldown"));
    }

    /** Failed sign-ins in a row after which an account is locked (an address: five times as many). */
    public int loginLockAfter() {
        return Integer.parseInt(text("confmail.login.lock.after"));
    }

    public Duration loginLockDuration() {
        return Duration.parse(text("confmail.login.lock.duration"));
    }

    /** How long audit entries are kept. */
    public Duration auditRetention() {
        return Duration.parse(text("confmail.audit.retention"));
    }

    /** Largest request body the API reads; bigger ones are answered 413 unread. */
    public int maxRequestBytes() {
        return Integer.parseInt(text("confmail.max.request.bytes"));
    }

    /** Which of health, metrics and openapi answer anonymous callers in full (none by default). */
    public java.util.Set<String> openEndpoints() {
        return config().getOptionalValue("confmail.open.endpoints", String.class)
                .map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).filter(e -> !e.isEmpty())
                        .map(e -> e.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet()))
                .orElse(java.util.Set.of());
    }

    /**
     * The addresses of the load balancers and reverse proxies in front of confmail: a request from one of them is
     * taken to come from the address its {@code X-Forwarded-For} names (see {@code ClientAddresses}).
     */
    public java.util.Set<String> trustedProxies() {
        return java.util.Set.copyOf(list("confmail.trusted.proxies"));
    }

    /** The OpenID Connect provider's issuer URL; portal single sign-on is on when it is set. */
    public Optional<String> oidcIssuer() {
        return config().getOptionalValue("confmail.oidc.issuer", String.class).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    public String oidcClientId() {
        return config().getOptionalValue("confmail.oidc.client.id", String.class).map(String::strip).orElse("");
    }

    public String oidcClientSecret() {
        return config().getOptionalValue("confmail.oidc.client.secret", String.class).map(String::strip).orElse("");
    }

    /** The ID token (or UserInfo) claim that lists the person's groups. */
    public String oidcGroupsClaim() {
        return text("confmail.oidc.groups.claim");
    }

    /** The identity provider's groups whose members get a role, by role. */
    public java.util.Map<String, List<String>> oidcRoleGroups() {
        return java.util.Map.of(
                org.confmail.security.Roles.ADMIN, list("confmail.oidc.admin.groups"),
                org.confmail.security.Roles.OPERATOR, list("confmail.oidc.operator.groups"),
                org.confmail.security.Roles.AUDITOR, list("confmail.oidc.auditor.groups"));
    }

    /** Whether people may sign in with an account's password (portal form and API Basic); tokens always work. */
    public boolean localSignIn() {
        return Boolean.parseBoolean(text("confmail.local.sign.in"));
    }

    /** The endpoints {@code CONFMAIL_OPEN_ENDPOINTS} may name. */
    public static final java.util.Set<String> ENDPOINTS = java.util.Set.of("health", "metrics", "openapi");

    /** Every configuration problem, one line each, naming the environment variable to fix. Empty when all is well. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(problems, "confmail.data.dir", v -> Path.of(v));
        check(problems, "confmail.db.url", v -> {
            if (!v.startsWith("jdbc:h2:") && !v.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("must start with jdbc:h2: or jdbc:postgresql:");
            }
        });
        check(problems, "confmail.smtp.host", v -> {
            if (v.isBlank() || v.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("must be a host name or address");
            }
        });
        check(problems, "confmail.smtp.port", v -> inRange(v, 1, 65535));
        check(problems, "confmail.smtp.security", v -> {
            try {
                SmtpSecurity.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be none, starttls or tls");
            }
        });
        check(problems, "confmail.default.from.address", v -> {
            if (!EmailAddresses.isValidAnyDomain(v)) {
                throw new IllegalArgumentException("must be a plain email address such as no-reply@example.com");
            }
        });
        check(problems, "confmail.default.from.name", v -> {
            if (EmailAddresses.hasLineBreak(v)) {
                throw new IllegalArgumentException("must not contain line breaks");
            }
        });
        check(problems, "confmail.retry.max.attempts", v -> inRange(v, 1, 100));
        check(problems, "confmail.retry.initial.delay", ConfmailConfig::positiveDuration);
        check(problems, "confmail.retry.max.delay", ConfmailConfig::positiveDuration);
        check(problems, "confmail.retry.give.up.after", ConfmailConfig::positiveDuration);
        check(problems, "confmail.outbox.stale.after", ConfmailConfig::positiveDuration);
        check(problems, "confmail.outbox.sweep.interval",
                v -> durationBetween(v, Duration.ofMillis(500), Duration.ofHours(1)));
        check(problems, "confmail.smtp.timeout",
                v -> durationBetween(v, Duration.ofSeconds(1), Duration.ofMinutes(10)));
        check(problems, "confmail.outbox.claim.lease", v -> {
            Duration lease = Duration.parse(v);
            Duration timeout = Duration.parse(config().getOptionalValue("confmail.smtp.timeout", String.class)
                    .orElse("PT30S").trim());
            // Connect, then at most one read and one write timeout per command before Jakarta Mail gives up.
            Duration longestExchange = Duration.ofSeconds(10).plus(timeout.multipliedBy(2));
            if (lease.compareTo(longestExchange) <= 0) {
                throw new IllegalArgumentException("must be longer than one SMTP exchange can take ("
                        + longestExchange + " with CONFMAIL_SMTP_TIMEOUT=" + timeout + ")");
            }
        });
        config().getOptionalValue("confmail.instance.name", String.class).filter(s -> !s.isBlank()).ifPresent(v -> {
            if (!v.trim().matches("[A-Za-z0-9._:-]{1,70}")) {
                problems.add("CONFMAIL_INSTANCE_NAME='" + v + "' must be 1 to 70 letters, digits, '.', '_', ':' or '-'");
            }
        });
        check(problems, "confmail.instance.heartbeat",
                v -> durationBetween(v, Duration.ofMillis(500), Duration.ofMinutes(1)));
        check(problems, "confmail.instance.dead.after", v -> {
            Duration deadAfter = Duration.parse(v);
            Duration heartbeat = Duration.parse(config().getOptionalValue("confmail.instance.heartbeat", String.class)
                    .orElse("PT5S").trim());
            // Two missed beats must never be enough: a busy instance is not a dead one.
            if (deadAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("must be at least three heartbeats (CONFMAIL_INSTANCE_HEARTBEAT="
                        + heartbeat + ")");
            }
        });
        list("confmail.trusted.proxies").stream().filter(a -> !ClientAddresses.isAddressLiteral(a)).findFirst()
                .ifPresent(a -> problems.add("CONFMAIL_TRUSTED_PROXIES: '" + a + "' is not an IP address (a comma-separated"
                        + " list of the proxies' addresses, such as 10.0.0.5, 10.0.0.6)"));
        check(problems, "confmail.delivery.concurrency", v -> inRange(v, 1, 64));
        check(problems, "confmail.delivery.max.redeliveries", v -> inRange(v, 0, 100));
        check(problems, "confmail.manual.emails.per.user.per.hour", v -> inRange(v, 1, 100_000));
        check(problems, "confmail.public.base.url", v -> {
            if (!v.startsWith("http://") && !v.startsWith("https://")) {
                throw new IllegalArgumentException("must be an http:// or https:// URL");
            }
        });
        config().getOptionalValue("confmail.secret.key", String.class).filter(s -> !s.isBlank()).ifPresent(v -> {
            try {
                if (java.util.Base64.getDecoder().decode(v.trim()).length != 32) {
                    problems.add("CONFMAIL_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
                }
            } catch (IllegalArgumentException e) {
                problems.add("CONFMAIL_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
            }
        });
        check(problems, "confmail.demo.data", ConfmailConfig::bool);
        checkIfSet(problems, "confmail.jitsi.allowed.origins", v -> {
            List<String> origins = split(v);
            if (origins.contains("*") && origins.size() > 1) {
                throw new IllegalArgumentException("must be * alone, or origins such as https://meet.example.com");
            }
            origins.stream().filter(origin -> !origin.equals("*")).forEach(WebAddresses::origin);
        });
        checkIfSet(problems, "confmail.jitsi.muc.hosts", v -> split(v).forEach(host -> {
            if (!WebAddresses.isDnsName(host.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("'" + host + "' is not a host name such as"
                        + " conference.meet.example.com");
            }
        }));
        checkIfSet(problems, "confmail.jitsi.bridge", v -> {
            if (v.length() > 200 || v.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("must be a bridge's id or name (at most 200 characters)");
            }
        });
        checkIfSet(problems, "confmail.jitsi.sip.uri.template", v -> {
            String rest = v.replace("{id}", "").replace("{room}", "");
            if (!v.toLowerCase(Locale.ROOT).matches("^sips?:.+") || rest.length() == v.length() || v.length() > 300
                    || rest.contains("{") || rest.contains("}")
                    || v.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new IllegalArgumentException("must be a SIP URI with {id} or {room} in it, such as"
                        + " sip:{id}@sip.example.com");
            }
        });
        check(problems, "confmail.manual.emails.per.caller.per.hour", v -> inRange(v, 1, 100_000));
        check(problems, "confmail.bulk.cooldown", v -> durationBetween(v, Duration.ZERO, Duration.ofDays(1)));
        check(problems, "confmail.login.lock.after", v -> inRange(v, 2, 1000));
        check(problems, "confmail.login.lock.duration",
                v -> durationBetween(v, Duration.ofSeconds(1), Duration.ofDays(1)));
        check(problems, "confmail.audit.retention",
                v -> durationBetween(v, Duration.ofSeconds(1), Duration.ofDays(36_500)));
        check(problems, "confmail.max.request.bytes", v -> inRange(v, 1024, 104_857_600));
        config().getOptionalValue("confmail.open.endpoints", String.class).ifPresent(v -> {
            for (String endpoint : v.split(",")) {
                String name = endpoint.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !ENDPOINTS.contains(name)) {
                    problems.add("CONFMAIL_OPEN_ENDPOINTS='" + v + "' may name only health, metrics and openapi");
                    break;
                }
            }
        });
        check(problems, "confmail.local.sign.in", ConfmailConfig::bool);
        check(problems, "confmail.oidc.groups.claim", v -> {
            if (v.isEmpty() || v.length() > 100 || v.chars().anyMatch(c -> Character.isWhitespace(c)
                    || Character.isISOControl(c))) {
                throw new IllegalArgumentException("must be a claim name such as groups");
            }
        });
        checkIfSet(problems, "confmail.oidc.issuer", v -> {
            java.net.URI uri;
            try {
                uri = new java.net.URI(v);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("must be the provider's issuer URL");
            }
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && isLoopback(uri.getHost());
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(https || localHttp)) {
                throw new IllegalArgumentException("must be the provider's https:// issuer URL, such as"
                        + " https://idp.example.com/realms/example (http:// only to this machine)");
            }
            if (oidcClientId().isEmpty()) {
                problems.add("CONFMAIL_OIDC_CLIENT_ID is not set (CONFMAIL_OIDC_ISSUER is)");
            }
            if (oidcClientSecret().isEmpty()) {
                problems.add("CONFMAIL_OIDC_CLIENT_SECRET is not set (CONFMAIL_OIDC_ISSUER is)");
            }
            if (oidcRoleGroups().values().stream().allMatch(List::isEmpty)) {
                problems.add("CONFMAIL_OIDC_ISSUER is set but none of CONFMAIL_OIDC_ADMIN_GROUPS,"
                        + " CONFMAIL_OIDC_OPERATOR_GROUPS and CONFMAIL_OIDC_AUDITOR_GROUPS: nobody could sign in");
            }
        });
        if (config().getOptionalValue("confmail.local.sign.in", String.class).map(String::strip)
                .filter("false"::equalsIgnoreCase).isPresent() && oidcIssuer().isEmpty()) {
            problems.add("CONFMAIL_LOCAL_SIGN_IN=false needs CONFMAIL_OIDC_ISSUER: without single sign-on nobody"
                    + " could sign in to the portal");
        }
        adminPassword().ifPresent(password -> {
            int length = password.codePointCount(0, password.length());
            if (length < 12 || length > 256) {
                problems.add("CONFMAIL_ADMIN_PASSWORD must have 12 to 256 characters (it has " + length + ")");
            }
        });
        smtpUser().ifPresent(user -> {
            String host = config().getOptionalValue("confmail.smtp.host", String.class).orElse("").strip();
            String security = config().getOptionalValue("confmail.smtp.security", String.class).orElse("none");
            if (security.strip().equalsIgnoreCase("none") && !isLoopback(host)) {
                problems.add("CONFMAIL_SMTP_USER is set but CONFMAIL_SMTP_SECURITY=none: the SMTP password would"
                        + " cross the network to " + host + " in clear text; set CONFMAIL_SMTP_SECURITY to starttls"
                        + " or tls (plain SMTP authentication is accepted only to a relay on this machine)");
            }
        });
        return problems;
    }

    /** localhost, 127.0.0.0/8 or ::1, by name: no lookup, so a name that only resolves to loopback does not count. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** The environment variable that sets a property, as operators know it. */
    public static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private String text(String property) {
        return config().getValue(property, String.class).trim();
    }

    /** The comma-separated items of a list setting, stripped, without empty ones. */
    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private List<String> list(String property) {
        return config().getOptionalValue(property, String.class).map(ConfmailConfig::split).orElse(List.of());
    }

    private interface Check {
        void accept(String value);
    }

    private void check(List<String> problems, String property, Check check) {
        Optional<String> value = config().getOptionalValue(property, String.class);
        if (value.isEmpty()) {
            problems.add(environmentName(property) + " is not set");
            return;
        }
        try {
            check.accept(value.get().trim());
        } catch (RuntimeException e) {
            String reason = e instanceof DateTimeParseException
                    ? "must be an ISO-8601 duration such as PT30S"
                    : e instanceof NumberFormatException ? "must be a whole number" : e.getMessage();
            problems.add(environmentName(property) + "='" + value.get() + "' " + reason);
        }
    }

    /** Like {@link #check} for a setting that may be left out. */
    private void checkIfSet(List<String> problems, String property, Check check) {
        if (config().getOptionalValue(property, String.class).filter(v -> !v.isBlank()).isPresent()) {
            check(problems, property, check);
        }
    }

    private static void inRange(String value, int min, int max) {
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
    }

    private static void bool(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("must be true or false");
        }
    }

    private static void durationBetween(String value, Duration min, Duration max) {
        Duration d = Duration.parse(value);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be an ISO-8601 duration between " + min + " and " + max);
        }
    }

    private static void positiveDuration(String value) {
        if (Duration.parse(value).isNegative() || Duration.parse(value).isZero()) {
            throw new IllegalArgumentException("must be a positive ISO-8601 duration such as PT30S");
        }
    }
}
