package org.w3id.claimgraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Plain java.net.http requests, for tests that look at the protocol itself (status, headers, bodies). */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Http() {}

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    }

    static HttpResponse<String> get(String url, String accept) {
        return send(request(url).header("Accept", accept).GET());
    }

    static HttpResponse<String> query(String endpoint, String query, String accept) {
        return get(endpoint + "?query=" + enc(query), accept);
    }

    static HttpResponse<String> postForm(String url, String form, String accept) {
        return send(request(url).header("Accept", accept).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static HttpResponse<String> post(String url, String contentType, String body) {
        return send(request(url).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            try {
                return CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // Jetty closes a connection after refusing a request whose body it did not read; the client
                // may have picked that connection from its pool just before the close reached it, and then
                // gets no answer at all. Send the request once more, on a fresh connection.
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) throw e;
                return CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
