package org.confmail.security.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.security.Roles;

/**
 * What Payara serves beside the API ({@code /health}, {@code /metrics}, {@code /openapi}, servlets it adds to the
 * application at "/") shows nothing to an anonymous caller: it needs an account or an API token, like the API (of
 * an admin, operator or auditor: a provisioner's token is for SCIM only).
 * Two exceptions: {@code /health/ready}, {@code /health/live} and {@code /health/started} answer anonymous callers
 * with their status code and {@code {"status":"UP"}} or {@code DOWN} only, for load balancers and orchestrators;
 * and {@code CONFMAIL_OPEN_ENDPOINTS} opens whole endpoints to everyone on purpose.
 */
@WebFilter(urlPatterns = {"/health/*", "/metrics/*", "/openapi/*"})
public class EndpointGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> PROBES = Set.of("/health/ready", "/health/live", "/health/started");

    @Inject
    transient ConfmailConfig config;

    /** Whether the path is one of these endpoints (which authenticate like the API). */
    static boolean isEndpoint(String path) {
        for (String endpoint : ConfmailConfig.ENDPOINTS) {
            if (path.equals("/" + endpoint) || path.startsWith("/" + endpoint + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String endpoint = path.substring(1).split("/", 2)[0];
        // A provisioner account (SCIM only) sees these as an anonymous caller does.
        if (Roles.PEOPLE.stream().anyMatch(request::isUserInRole) || config.openEndpoints().contains(endpoint)) {
            chain.doFilter(request, response);
            return;
        }
        if (PROBES.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path)) {
            summary(request, response, chain);
            return;
        }
        ConfmailAuthenticationMechanism.challenge(response, 401, "Unauthorized", "/" + endpoint
                + " needs an account: HTTP Basic, or a Bearer API token.", null);
    }

    /** Lets the health check run, then answers its status code and overall status only. */
    private static void summary(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        capture.flushWriter();
        String status = "DOWN";
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(capture.bytes.toByteArray()))) {
            JsonObject health = reader.readObject();
            status = health.getString("status", "DOWN");
        } catch (JsonException | ClassCastException e) {
            // not a health document: report DOWN
        }
        byte[] body = Json.createObjectBuilder().add("status", status).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(capture.getStatus());
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Keeps what the wrapped servlet writes, to be rewritten. */
    private static final class Capture extends HttpServletResponseWrapper {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            // the rewritten body has its own
        }

        @Override
        public void setContentLengthLong(long length) {
            // the rewritten body has its own
        }

        @Override
        public void flushBuffer() {
            flushWriter();
        }

        void flushWriter() {
            if (writer != null) {
                writer.flush();
            }
        }
    }
}
