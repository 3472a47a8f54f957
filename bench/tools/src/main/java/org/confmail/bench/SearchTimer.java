package org.confmail.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Times the users list as clients call it ({@code GET /api/v1/users}: HTTP, JAX-RS, JSON and the database) with the
 * seeded users of bench/run.sh: first page, a deep page sorted by name, an exact UPN, a conference ID and a name
 * fragment. Round-robin over the kinds so that a burst of load elsewhere hits them alike, with parameters that change
 * on every run (H2 answers a repeated statement from its result cache). Prints each kind's median and p95 and last
 * {@code search: median_max_ms=<slowest median>}.
 *
 * <p>Usage: {@code SearchTimer <baseUrl> <token> <users> <runs>}.
 */
public final class SearchTimer {

    private static final String[] FRAGMENTS = {"ovela", "turin", "hoppe", "curie", "torva", "hamil", "rners",
        "lisko", "ritch", "johns", "thomp", "lamar", "mccar", "allen", "dijks", "perlm", "wirth", "wilso", "knuth",
        "conwa", "shann", "samme", "easle", "dupon"};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int users = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        int pages = users / 25;
        Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("first page", i -> "page=0&size=25");
        kinds.put("deep page", i -> "page=" + (pages / 2 - 15 + i % 30) + "&size=25&sort=displayName,desc");
        kinds.put("exact UPN", i -> String.format("search=user%06d%%40contoso.example&size=25", upn(i, users)));
        kinds.put("conference ID", i -> "search=" + (1_000_000 + (upn(i, users) * 7919L) % 9_000_000) + "&size=25");
        kinds.put("name fragment", i -> "search=" + FRAGMENTS[i % FRAGMENTS.length] + "&size=25");
        HttpClient client = HttpClient.newHttpClient();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        kinds.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        int warmup = 5;
        for (int i = 0; i < warmup + runs; i++) {
            for (var kind : kinds.entrySet()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/users?"
                        + kind.getValue().apply(i + (i < warmup ? runs : 0))))
                        .header("Authorization", "Bearer " + token).build();
                long t0 = System.nanoTime();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - t0) / 1e6;
                if (response.statusCode() != 200 || !response.body().contains("\"items\":[{")) {
                    throw new IllegalStateException(kind.getKey() + ": " + request.uri() + " answered "
                            + response.statusCode() + " " + response.body());
                }
                if (i >= warmup) {
                    times.get(kind.getKey()).add(ms);
                }
            }
        }
        double slowest = 0;
        for (var entry : times.entrySet()) {
            List<Double> sorted = entry.getValue().stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
            System.out.printf("  %-14s median %7.1f ms  p95 %7.1f ms%n", entry.getKey(), median, p95);
            slowest = Math.max(slowest, median);
        }
        System.out.printf("search: median_max_ms=%.0f%n", slowest);
    }

    /** A seeded user's number, spread over all of them. */
    private static int upn(int i, int users) {
        return 17 + (int) ((37L * 2711 * (i + 1)) % (users - 17));
    }
}
