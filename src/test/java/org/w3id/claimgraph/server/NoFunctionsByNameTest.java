package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.claimgraph.project.GraphNames;

/**
 * Issue 20, defect 3: no function is loaded by class name, however it is reached. Jena's own
 * {@code sqrt} class answers 2 for 4, so a result of 2 means the class was loaded and run.
 */
class NoFunctionsByNameTest {
    private static final String SQRT = "java:org.apache.jena.sparql.function.library.sqrt";
    private static final String COMPUTED = "IRI(CONCAT(\"java:\", \"org.apache.jena.sparql.function.library.sqrt\"))";
    private static final String AUTH = Http.basic("curator", "secret");

    @TempDir
    static Path dir;
    private static ClaimServer server;

    @BeforeAll
    static void start() throws IOException {
        Path users = Files.writeString(dir.resolve("users"), "curator: secret\n");
        server = ClaimServer.builder().dataset(Seed.copy()).port(0).updateUsers(users).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT (CALL(<" + SQRT + ">, 4) AS ?x) WHERE {}",
            "SELECT ?x WHERE { BIND(CALL(<" + SQRT + ">, 4) AS ?x) }",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:apply(<" + SQRT + ">, 4) AS ?x) WHERE {}"})
    void aConstantJavaIriIsRefused(String query) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), query, "text/csv");
        assertTrue(response.statusCode() == 400, response.statusCode() + ": " + response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT (CALL(" + COMPUTED + ", 4) AS ?x) WHERE {}",
            "SELECT ?x WHERE { BIND(" + COMPUTED + " AS ?f) BIND(CALL(?f, 4) AS ?x) }",
            "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT ?x WHERE { BIND(fn:apply(" + COMPUTED + ", 4) AS ?x) }",
            "SELECT ?x FROM <" + GraphNames.DOCUMENTS + "> WHERE { BIND(CALL(" + COMPUTED + ", 4) AS ?x) }",
            "SELECT ?x WHERE { BIND(CALL(IRI(CONCAT(\"http://jena.hpl.hp.com/ARQ/function#\", \"sqrt\")), 4) AS ?x) }"})
    void aComputedJavaIriFindsNoFunction(String query) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), query, "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("x\r\n\r\n", response.body(), "unbound: no function was found, none was loaded");
    }

    @Test
    void updatesFindNoFunctionByNameEither() {
        String graph = GraphNames.BASE + "java-function-test";
        HttpResponse<String> computed = update("INSERT { GRAPH <" + graph + "> { <urn:example:s> <urn:example:p> ?x } }"
                + " WHERE { BIND(CALL(" + COMPUTED + ", 4) AS ?x) }");
        assertEquals(204, computed.statusCode(), computed.body());
        assertEquals(404, Http.get(server.graphStoreUrl() + "?graph=" + Http.enc(graph), "text/turtle").statusCode(),
                "nothing was inserted: the call had no value");

        HttpResponse<String> constant = update("INSERT { GRAPH <" + graph + "> { <urn:example:s> <urn:example:p> ?x } }"
                + " WHERE { BIND(CALL(<" + SQRT + ">, 4) AS ?x) }");
        assertEquals(400, constant.statusCode(), constant.body());
    }

    private static HttpResponse<String> update(String update) {
        return Http.send(Http.request(server.url() + "kg/update").header("Authorization", AUTH)
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update)));
    }
}
