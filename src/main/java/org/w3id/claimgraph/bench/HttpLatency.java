package org.w3id.claimgraph.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Times a query over the SPARQL 1.1 Protocol: each request is a POST of the query, and its time runs until
 * the last byte of the JSON results has been read. With several clients, each runs its own sequence of
 * requests at the same time as the others.
 */
final class HttpLatency {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final Duration requestTimeout;

    /** {@code serverTimeout}: the server's query timeout; a request waits a minute longer than it before giving up. */
    HttpLatency(String endpoint, Duration serverTimeout) {
        this.endpoint = URI.create(endpoint);
        this.requestTimeout = serverTimeout.plusMinutes(1);
    }

    /** Whether a GET of {@code url} answers 200. */
    boolean ok(String url) {
        try {
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Runs {@code clients} concurrent sequences of at most {@code perClient} requests each; a client stops
     * early once {@code budget} has passed since the start (after at least one request).
     */
    Percentiles measure(String query, int clients, int perClient, Duration budget) throws Exception {
        String body = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        List<Double> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> failed = new AtomicReference<>();
        long deadline = System.nanoTime() + budget.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        if (i > 0 && System.nanoTime() > deadline) break;
                        long t0 = System.nanoTime();
                        String failure = request(body);
                        // A connection the server closed after an earlier timeout fails at once: retry it once.
                        if (failure != null && !failure.startsWith("HTTP ")) failure = request(body);
                        if (failure == null) samples.add((System.nanoTime() - t0) / 1e6);
                        else {
                            errors.incrementAndGet();
                            failed.set(failure);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdownNow();
        }
        return Percentiles.of(samples, errors.get(), failed.get());
    }

    /** Sends the query and reads the whole response; null when it answered 200, else what failed. */
    private String request(String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .timeout(requestTimeout)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] buffer = new byte[1 << 16];
                while (in.read(buffer) >= 0) {
                    // Drain: the time counts until the last byte.
                }
                return r.statusCode() == 200 ? null : "HTTP " + r.statusCode();
            }
        } catch (Exception e) {
            return e.toString();
        }
    }
}
