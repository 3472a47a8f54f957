package org.confmail.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code POST /api/v1/users/{upn}/conference-info-email} at a constant arrival rate (an open model: a new request
 * starts on schedule whether or not earlier ones have answered, so a slow answer cannot hold back the next
 * requests and hide itself, which is the coordinated omission of closed-loop tools). Users round-robin over the
 * seeded ones, so the per-user hourly limit is not what answers. Settings are system properties:
 * {@code bench.baseUrl}, {@code bench.token}, {@code bench.rate} (500/s), {@code bench.seconds} (30),
 * {@code bench.users} (10,000).
 */
public class ConferenceInfoSimulation extends Simulation {

    private final int users = Integer.getInteger("bench.users", 10_000);
    private final AtomicLong next = new AtomicLong();

    private final Iterator<Map<String, Object>> upns = Stream.generate(
            () -> Map.<String, Object>of("upn", String.format("user%06d@contoso.example",
                    1 + next.getAndIncrement() % users))).iterator();

    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
            .header("Authorization", "Bearer " + System.getProperty("bench.token"))
            .shareConnections();

    private final ScenarioBuilder send = scenario("conference-info-email")
            .feed(upns)
            .exec(http("conference-info-email").post("/api/v1/users/#{upn}/conference-info-email")
                    .check(status().is(202)));

    {
        setUp(send.injectOpen(constantUsersPerSec(Integer.getInteger("bench.rate", 500))
                .during(Integer.getInteger("bench.seconds", 30))))
                .protocols(protocol);
    }
}
