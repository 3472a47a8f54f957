package org.confmail.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Web origins and DNS host names, as settings and requests give them. */
public final class WebAddresses {

    private static final Pattern DNS_NAME = Pattern.compile(
            "^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$");

    private WebAddresses() {
    }

    /** A host name in lower case, such as {@code conference.meet.example.com} or {@code localhost}. */
    public static boolean isDnsName(String host) {
        return host != null && DNS_NAME.matcher(host).matches();
    }

    /**
     * An origin as browsers send it in the {@code Origin} header: {@code scheme://host[:port]}, scheme and host in
     * lower case, no default port. {@code https://Meet.Example.com:443} becomes {@code https://meet.example.com}.
     *
     * @throws IllegalArgumentException when the text is not an http or https origin (a path is not allowed either)
     */
    public static String origin(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null
                || uri.getRawUserInfo() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not an origin such as"
                    + " https://meet.example.com (scheme, host and port only)");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && scheme.equals("http")
                || port == 443 && scheme.equals("https");
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
