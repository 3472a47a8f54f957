package org.confmail.conferencing.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.problem.ProblemException;

/**
 * The public "Find a local number" page the emails link to: {@code /dial-in/{bridgeId}} lists every number of the
 * bridge by country, in English or French after Accept-Language. No authentication (web.xml protects /api/*
 * only): the numbers are public and the page shows nothing about any user.
 */
@WebServlet("/dial-in/*")
public class DialInNumbersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final DialInNumbersPage PAGE = new DialInNumbersPage();

    @Inject
    BridgeService bridges;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String language = DialInNumbersPage.language(preferredLocales(request));
        List<ServiceNumber> numbers = numbers(DialInNumbersPage.bridgeId(request.getPathInfo()));

        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Language", language);
        response.setHeader("Vary", "Accept-Language");
        String html;
        if (numbers == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            // Not cached: a bridge created a moment later must not stay "not found" for minutes.
            response.setHeader("Cache-Control", "no-cache");
            html = PAGE.renderNotFound(language);
        } else {
            response.setHeader("Cache-Control", "public, max-age=300");
            html = PAGE.render(language, numbers);
        }
        response.getWriter().write(html);
    }

    /** The bridge's numbers, or null when there is no such bridge. */
    private List<ServiceNumber> numbers(String bridgeId) {
        if (bridgeId == null) {
            return null;
        }
        try {
            return bridges.numbers(bridgeId);
        } catch (ProblemException e) {
            if (e.getResponse().getStatus() == HttpServletResponse.SC_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /**
     * The reader's locales, best first. Without an Accept-Language header the container would answer its own
     * default locale, which says nothing about the reader, so that case gives none (and the page is English).
     */
    private static List<Locale> preferredLocales(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        return header == null || header.isBlank() ? List.of() : Collections.list(request.getLocales());
    }
}
