package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/**
 * Issue 19, item 6: when an endpoint refuses a query, the message shows the endpoint's own words, not only its
 * status ("Server Error"). A real HTTP server on port 0 answers every query with a status and a text of its own;
 * each command that reads an endpoint exits 2 with one line naming the endpoint and carrying that text.
 */
class EndpointErrorTextTest {
    private static final String REASON = "Dataset /kg is being compacted; try again in a minute";
    private static HttpServer server;
    private static String url;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/refusing/sparql", exchange -> answer(exchange, 500, "Server Error\n\n" + REASON + "\n"));
        server.createContext("/unavailable/sparql", exchange -> answer(exchange, 503, REASON + "\n"));
        server.start();
        url = "http://localhost:" + server.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"refusing, query graph-summary", "unavailable, query claims-per-grade", "refusing, stats",
            "refusing, validate", "unavailable, explain 002-001"})
    void theEndpointsOwnErrorTextIsShown(String endpoint, String command) {
        String[] words = command.split(" ");
        String[] args = new String[words.length + 2];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--endpoint";
        args[words.length + 1] = url + "/" + endpoint + "/sparql";
        CliRun run = CliRun.in(TestProject.REPO, args);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(REASON), run.err());
        assertTrue(run.err().contains(url + "/" + endpoint + "/sparql"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
