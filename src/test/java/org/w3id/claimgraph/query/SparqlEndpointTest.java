package org.w3id.claimgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.load.InputException;
import org.w3id.claimgraph.validate.SparqlService;

/** What claimgraph's SPARQL client sends (a form POST, for queries of any length) and what it says when an endpoint refuses. */
class SparqlEndpointTest {
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = FusekiServer.create().port(0).loopback(true).add("/kg", DatasetGraphFactory.createTxnMem(), false).build().start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void aQueryLongerThanAnyUrlIsAnswered() {
        // Far past the length at which Jena would switch from GET to a raw application/sparql-query body.
        String filler = " ".repeat(20_000);
        var query = QueryFactory.create("SELECT (42 AS ?answer) WHERE {" + filler + "}");
        try (QueryTarget target = QueryTarget.endpoint(base + "/kg/sparql")) {
            var rows = target.select(query);
            assertEquals(42, rows.next().get("answer").getLiteralValue());
        }
    }

    @Test
    void theEndpointsOwnErrorTextIsQuoted() {
        var query = QueryFactory.create("SELECT * WHERE { ?s ?p ?o }");
        // Fuseki answers an unknown service path with 404 and a text body naming what was not found.
        InputException viaTarget = assertThrows(InputException.class, () -> {
            try (QueryTarget target = QueryTarget.endpoint(base + "/nosuch/sparql")) {
                target.select(query);
            }
        });
        assertTrue(viaTarget.getMessage().contains("HTTP 404"), viaTarget.getMessage());
        assertTrue(viaTarget.getMessage().contains("Not Found"), viaTarget.getMessage());

        InputException viaService = assertThrows(InputException.class,
                () -> SparqlService.remote(base + "/nosuch/sparql").select(query, Map.of(), rows -> rows.hasNext()));
        assertTrue(viaService.getMessage().contains("HTTP 404"), viaService.getMessage());
    }

    @Test
    void booleansWrittenAsOneAndZeroAreReadAsTrueAndFalse() {
        var b = org.apache.jena.sparql.core.Var.alloc("b");
        var other = org.apache.jena.sparql.core.Var.alloc("n");
        var one = org.apache.jena.graph.NodeFactory.createLiteralDT("1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean);
        var zero = org.apache.jena.graph.NodeFactory.createLiteralDT("0", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean);
        var number = org.apache.jena.graph.NodeFactory.createLiteralDT("1", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
        var rows = org.apache.jena.sparql.exec.RowSetStream.create(java.util.List.of(b, other), java.util.List.of(
                org.apache.jena.sparql.engine.binding.BindingFactory.binding(b, one, other, number),
                org.apache.jena.sparql.engine.binding.BindingFactory.binding(b, zero)).iterator());
        var read = SparqlEndpoint.canonicalBooleans(rows);
        var first = read.next();
        assertEquals("true", first.get(b).getLiteralLexicalForm());
        assertEquals(number, first.get(other), "an integer 1 stays an integer");
        assertEquals("false", read.next().get(b).getLiteralLexicalForm());
    }

    @Test
    void anUnreachableEndpointNamesTheCause() {
        var query = QueryFactory.create("ASK {}");
        InputException e = assertThrows(InputException.class, () -> SparqlService.remote("http://localhost:1/sparql").ask(query));
        assertTrue(e.getMessage().startsWith("SPARQL endpoint http://localhost:1/sparql: "), e.getMessage());
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
    }
}
