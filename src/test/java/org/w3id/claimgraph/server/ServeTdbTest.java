package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.project.GraphNames;

/**
 * Serving a TDB2 database made by {@code load}: the union default graph, GSP reads, and the checked write
 * path, including a rejected write followed by reads and an accepted write (the sequence that corrupts
 * TDB2 after an aborted write transaction, GH-3877), checked again after reopening the database.
 */
class ServeTdbTest {
    private static final String COUNT_DOCS = Seed.PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d a cg:SourceDocument }";
    private static final String COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment";

    @TempDir
    Path dir;

    @Test
    void servesAndChecksWritesOnTdb2() throws IOException {
        Path db = dir.resolve("db");
        long loaded = TdbStore.write(Seed.copy(), db);
        Path users = Files.writeString(dir.resolve("users"), "curator: secret\n");
        String auth = Http.basic("curator", "secret");

        DatasetGraph tdb = TdbStore.open(db);
        ClaimServer server = ClaimServer.builder().dataset(tdb).port(0).updateUsers(users).build().start();
        try {
            assertEquals("n\r\n5\r\n", Http.query(server.sparqlUrl(), COUNT_DOCS, "text/csv").body(),
                    "the default graph is the union of the named graphs");
            assertTrue(GSP.service(server.graphStoreUrl()).graphName(GraphNames.DOCUMENTS).GET()
                    .contains(Triple.create(NodeFactory.createURI(Seed.DOCUMENT_002),
                            NodeFactory.createURI("http://purl.org/dc/terms/title"), NodeFactory.createLiteralString(Seed.TITLE_002))));

            HttpResponse<String> rejected = update(server, auth, "INSERT DATA { GRAPH <" + GraphNames.DOCUMENTS + "> { <"
                    + Seed.DOCUMENT_002 + "> <http://purl.org/dc/terms/title> \"Another title\" } }");
            assertEquals(400, rejected.statusCode());
            assertTrue(rejected.body().contains("A document has exactly one title."));
            assertEquals(loaded, (long) Txn.calculateRead(tdb, () -> tdb.stream().count()));

            assertEquals("n\r\n5\r\n", Http.query(server.sparqlUrl(), COUNT_DOCS, "text/csv").body());
            HttpResponse<String> accepted = update(server, auth, "INSERT DATA { GRAPH <" + GraphNames.DOCUMENTS + "> { <"
                    + Seed.DOCUMENT_002 + "> <" + COMMENT + "> \"Checked against the source.\" } }");
            assertEquals(204, accepted.statusCode(), accepted.body());
            assertEquals("c\r\nChecked against the source.\r\n", Http.query(server.sparqlUrl(),
                    "SELECT ?c { <" + Seed.DOCUMENT_002 + "> <" + COMMENT + "> ?c }", "text/csv").body());
        } finally {
            server.stop();
            TdbStore.close(tdb);
        }

        DatasetGraph reopened = TdbStore.open(db);
        try {
            assertEquals(loaded + 1, (long) Txn.calculateRead(reopened, () -> reopened.stream().count()));
            Node doc = NodeFactory.createURI(Seed.DOCUMENT_002);
            assertEquals(1, (long) Txn.calculateRead(reopened, () ->
                    reopened.stream(Node.ANY, doc, NodeFactory.createURI(COMMENT), Node.ANY).count()));
            // Every node of every quad still decodes: the node table is intact.
            assertEquals(loaded + 1, (long) Txn.calculateRead(reopened, () ->
                    reopened.stream().filter(q -> q.getSubject() != null && q.getObject() != null).count()));
        } finally {
            TdbStore.close(reopened);
        }
    }

    private static HttpResponse<String> update(ClaimServer server, String auth, String update) {
        return Http.send(Http.request(server.url() + "kg/update").header("Authorization", auth)
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update)));
    }
}
