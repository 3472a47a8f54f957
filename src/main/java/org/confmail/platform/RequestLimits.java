package org.confmail.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.problem.Problem;

/**
 * The API reads no request body larger than {@code CONFMAIL_MAX_REQUEST_BYTES} (2 MiB: room for a 1,000-name bulk
 * send many times over) into memory: a larger declared length, or a chunked body that passes the limit, is answered
 * 413 and never parsed. So no request can make the service hold more than that, and an oversized field is refused
 * before it is parsed. The rest of such a body is read and thrown away (up to {@link #DISCARD_AT_MOST}) before the
 * answer: an HTTP/2 client (h2c) otherwise waits for flow-control credit to finish its upload and never sees the 413.
 * The portal's users import ({@value #PORTAL_UPLOAD}) takes a file of the same size as the API's import, plus
 * {@link #MULTIPART_ALLOWANCE} for the form around it.
 */
@WebFilter(urlPatterns = {"/api/*", "/scim/*", RequestLimits.PORTAL_UPLOAD})
public class RequestLimits extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Beyond this, an oversized body is not even read to the end; its connection is the sender's problem. */
    static final long DISCARD_AT_MOST = 64L * 1024 * 1024;
    /** The one portal page that takes a file. */
    static final String PORTAL_UPLOAD = "/admin/imports.xhtml";
    /** A multipart form's boundaries, part headers and other fields around the file. */
    static final int MULTIPART_ALLOWANCE = 64 * 1024;

    @Inject
    transient ConfmailConfig config;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean portal = request.getRequestURI().equals(request.getContextPath() + PORTAL_UPLOAD);
        int limit = config.maxRequestBytes() + (portal ? MULTIPART_ALLOWANCE : 0);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            discard(request.getInputStream());
            tooLarge(request, response, limit);
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                body.write(buffer, 0, n);
                if (body.size() > limit) {
                    discard(in);
                    tooLarge(request, response, limit);
                    return;
                }
            }
        }
        chain.doFilter(new Buffered(request, body.toByteArray()), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        long read = 0;
        for (int n; read < DISCARD_AT_MOST && (n = in.read(buffer)) != -1; ) {
            read += n;
        }
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response, int limit)
            throws IOException {
        String detail = "The request body is larger than " + limit + " bytes, the most this API reads.";
        response.setStatus(413);
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/admin/")) {
            response.setContentType("text/plain");
            response.getWriter().write("The file is larger than " + (limit - MULTIPART_ALLOWANCE)
                    + " bytes, the most an import takes.");
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/scim/")) {
            // SCIM clients read SCIM error documents.
            response.setContentType("application/scim+json");
            response.getWriter().write(jakarta.json.Json.createObjectBuilder()
                    .add("schemas", jakarta.json.Json.createArrayBuilder()
                            .add("urn:ietf:params:scim:api:messages:2.0:Error"))
                    .add("status", "413").add("detail", detail).build().toString());
            return;
        }
        jakarta.ws.rs.core.Response problem = Problem.response(413, "Request too large", detail);
        response.setContentType(Problem.MEDIA_TYPE);
        response.getWriter().write((String) problem.getEntity());
    }

    /** A request whose (chunked) body was read already. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
