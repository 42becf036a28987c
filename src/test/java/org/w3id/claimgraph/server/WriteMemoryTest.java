package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.summary.Summaries;

/**
 * Checked writes on a database too large for the server's heap: every write copies the data into memory to recompute
 * the findings and summaries, so a server that could not hold that copy does not start with update users, and a
 * write that the memory guard stops while it is computed answers 503, changes nothing and leaves the server serving.
 */
class WriteMemoryTest {
    private static final String USER = "curator";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String COMMENT = "INSERT DATA { GRAPH <" + GraphNames.DOCUMENTS + "> { <" + Seed.DOCUMENT_002
            + "> <http://www.w3.org/2000/01/rdf-schema#comment> \"Checked against the source.\" } }";
    private static final String ASK_COMMENT = "ASK { <" + Seed.DOCUMENT_002 + "> <http://www.w3.org/2000/01/rdf-schema#comment> ?c }";

    @TempDir
    static Path dir; // for the class: the servers' user stores watch the file until their threads end

    private static Path users() throws IOException {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, USER + ": " + PASSWORD + "\n");
        return users;
    }

    @Test
    void aServerWhoseHeapCannotHoldAWritesCopyOfTheDataDoesNotStartWithUpdateUsers() throws IOException {
        DatasetGraph dataset = Seed.copy();
        long quads = Txn.calculateRead(dataset, () -> dataset.stream().count());
        Path users = users();

        // The copy takes about 1,000 bytes a quad, and may take half the heap: a heap of 1,000 bytes a quad is too small.
        InputException refused = assertThrows(InputException.class,
                () -> ClaimServer.builder().dataset(dataset).port(0).updateUsers(users).heapForWrites(quads * 1_000).build());
        String why = refused.getMessage();
        assertTrue(why.startsWith("--update-users: every checked write"), why);
        assertTrue(why.contains(String.format("%,d quads", quads)), why);
        assertTrue(why.contains("CLAIMGRAPH_JAVA_OPTS=-Xmx1g") && why.contains("read-only (without --update-users)"), why);

        // Twice the copy fits; and without update users the heap is not weighed.
        ClaimServer.builder().dataset(dataset).port(0).updateUsers(users).heapForWrites(quads * 2_000).build().start().stop();
        ClaimServer.builder().dataset(dataset).port(0).heapForWrites(1).build().start().stop();
    }

    @Test
    void aWriteTheMemoryGuardStopsAnswers503ChangesNothingAndTheServerGoesOn() throws Exception {
        DatasetGraph dataset = Seed.copy();
        ProjectLayout layout = ProjectLayout.locate();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch guardHasActed = new CountDownLatch(1);
        // The recomputation waits, on its first write, until the memory guard has picked the request to stop.
        ClaimServer server = ClaimServer.builder().dataset(dataset).port(0).updateUsers(users())
                .recomputeAfterWrites(new Recomputation(Summaries.GRAPHS, dsg -> {
                    computing.countDown();
                    try {
                        guardHasActed.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Summaries.recompute(dsg, layout);
                })).build().start();
        try {
            CompletableFuture<HttpResponse<String>> write = CompletableFuture.supplyAsync(() -> writeComment(server));
            assertTrue(computing.await(60, TimeUnit.SECONDS), "the write reached its recomputation");
            MemoryGuard.stopLargest();
            guardHasActed.countDown();

            HttpResponse<String> stopped = write.get(60, TimeUnit.SECONDS);
            assertEquals(503, stopped.statusCode(), stopped.body());
            assertTrue(stopped.body().contains("The write was stopped") && stopped.body().contains("Nothing was changed."), stopped.body());
            assertEquals("false", ask(server), "nothing of the stopped write was written");

            HttpResponse<String> again = writeComment(server);
            assertEquals(204, again.statusCode(), again.body());
            assertEquals("true", ask(server), "the next write is made");
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> writeComment(ClaimServer server) {
        return Http.send(Http.request(server.url() + "kg/update").header("Content-Type", "application/sparql-update")
                .header("Authorization", Http.basic(USER, PASSWORD)).POST(HttpRequest.BodyPublishers.ofString(COMMENT)));
    }

    @Test
    void aWriteChangesOnlyWhatFollowsFromItNotEveryFindingAndTotalComputedAgain() {
        DatasetGraph dataset = Seed.copy();
        ProjectLayout layout = ProjectLayout.locate();
        CheckedWrites writes = new CheckedWrites(dataset, ARQ.getContext().copy(),
                new Recomputation(Summaries.GRAPHS, dsg -> Summaries.recompute(dsg, layout)));
        // The findings, summaries and totals are computed again after the write, and come out the same triples
        // (their nodes are named by what they say), so the comment is the write's one change; when they were
        // fresh blank nodes, every write replaced all of them, and at 10,000 claims passed the limit of one write.
        WriteOutcome outcome = writes.apply(view -> UpdateExec.dataset(view).update(COMMENT).execute());
        assertTrue(outcome.accepted(), outcome.report());
        assertEquals(1, outcome.added());
        assertEquals(0, outcome.removed());
    }

    /** "true" or "false": whether the comment is in the served data. */
    private static String ask(ClaimServer server) {
        String body = Http.query(server.sparqlUrl(), ASK_COMMENT, "application/sparql-results+json").body();
        return body.replaceAll("(?s).*\"boolean\"\\s*:\\s*(true|false).*", "$1");
    }
}
