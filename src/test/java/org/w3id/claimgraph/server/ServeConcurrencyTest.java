package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A few hundred queries at once, from both clients, all answered in full. */
class ServeConcurrencyTest {
    private static final int QUERIES = 400;
    private static final int CLIENT_THREADS = 32;
    private static final String TITLES = Seed.PREFIXES
            + "SELECT ?doc ?title WHERE { ?doc a cg:SourceDocument ; dcterms:title ?title } ORDER BY ?doc";

    private static ClaimServer server;

    @BeforeAll
    static void start() {
        server = ClaimServer.builder().dataset(Seed.copy()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void hundredsOfConcurrentQueriesAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                boolean jena = i % 2 == 0;
                answers.add(pool.submit(() -> jena ? viaJena() : viaJavaNetHttp()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(Seed.DOCUMENTS, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int viaJena() {
        try (QueryExecHTTP qe = QueryExecHTTP.service(server.sparqlUrl()).query(TITLES).build()) {
            int rows = 0;
            for (var it = qe.select(); it.hasNext(); it.next()) rows++;
            return rows;
        }
    }

    private static int viaJavaNetHttp() {
        HttpResponse<String> response = Http.postForm(server.sparqlUrl(), "query=" + Http.enc(TITLES), "text/csv");
        if (response.statusCode() != 200) throw new IllegalStateException(response.statusCode() + ": " + response.body());
        return (int) response.body().lines().count() - 1;
    }
}
