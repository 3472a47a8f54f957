package org.confmail.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings {@code count} new licensed users in by the fastest way the server offers, and times it until every one
 * exists: the batch import ({@code POST /api/v1/user-imports}, a CSV body, answered when every line is done) when the
 * server has it, else one {@code POST /api/v1/users} per user from 4 client threads.
 *
 * <p>Usage: {@code ImportTimer <baseUrl> <token> <count> <count one by one> <domain>}; prints
 * {@code import: way=<batch|single>
 * users=<n> seconds=<s> per_s=<r>}.
 */
public final class ImportTimer {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\\d+|true|false|\"[^\"]*\")");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int count = Integer.parseInt(args[2]);
        int singleCount = Integer.parseInt(args[3]);
        String domain = args[4];
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder csv = new StringBuilder("userPrincipalName,displayName,preferredLanguage,country,"
                + "audioConferencingLicense\n");
        for (int i = 1; i <= count; i++) {
            csv.append(String.format("imp%06d@%s,Imported User %d,en-US,US,true%n", i, domain, i));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/user-imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        String way;
        if (started.statusCode() == 200) {
            way = "batch";
            if (!field(started.body(), "created").equals(String.valueOf(count))) {
                throw new IllegalStateException("the import did not create every user: " + started.body());
            }
        } else if (started.statusCode() == 404 || started.statusCode() == 405) {
            way = "single";
            count = singleCount;
            int total = count;
            AtomicInteger next = new AtomicInteger(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                Future<?>[] workers = new Future<?>[4];
                for (int w = 0; w < workers.length; w++) {
                    workers[w] = pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i <= total; i = next.getAndIncrement()) {
                            String json = String.format("{\"userPrincipalName\":\"imp%06d@%s\",\"displayName\":"
                                    + "\"Imported User %d\",\"preferredLanguage\":\"en-US\",\"country\":\"US\","
                                    + "\"audioConferencingLicense\":true}", i, domain, i);
                            HttpResponse<String> created = client.send(HttpRequest.newBuilder(
                                            URI.create(base + "/api/v1/users"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (created.statusCode() != 201) {
                                throw new IllegalStateException(created.statusCode() + " " + created.body());
                            }
                        }
                        return null;
                    });
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            }
        } else {
            throw new IllegalStateException("user-imports answered " + started.statusCode() + " " + started.body());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("import: way=%s users=%d seconds=%.2f per_s=%.0f%n", way, count, seconds, count / seconds);
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return "";
    }
}
