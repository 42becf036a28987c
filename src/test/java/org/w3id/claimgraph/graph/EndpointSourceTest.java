package org.w3id.claimgraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSetStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.project.InputException;

/** What claimgraph's SPARQL client sends (a form POST, for queries of any length) and what it says when an endpoint refuses. */
class EndpointSourceTest {
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
        var rows = GraphSource.endpoint(base + "/kg/sparql").select(query);
        assertEquals(42, rows.next().get("answer").getLiteralValue());
    }

    @Test
    void theEndpointsOwnErrorTextIsQuoted() {
        var query = QueryFactory.create("SELECT * WHERE { ?s ?p ?o }");
        // Fuseki answers an unknown service path with 404 and a text body naming what was not found.
        InputException e = assertThrows(InputException.class, () -> GraphSource.endpoint(base + "/nosuch/sparql").select(query));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("Not Found"), e.getMessage());
    }

    @Test
    void booleansWrittenAsOneAndZeroAreReadAsTrueAndFalse() {
        var b = Var.alloc("b");
        var other = Var.alloc("n");
        var one = NodeFactory.createLiteralDT("1", XSDDatatype.XSDboolean);
        var zero = NodeFactory.createLiteralDT("0", XSDDatatype.XSDboolean);
        var number = NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger);
        var rows = RowSetStream.create(List.of(b, other), List.of(
                BindingFactory.binding(b, one, other, number),
                BindingFactory.binding(b, zero)).iterator());
        var read = EndpointSource.canonicalBooleans(rows);
        var first = read.next();
        assertEquals("true", first.get(b).getLiteralLexicalForm());
        assertEquals(number, first.get(other), "an integer 1 stays an integer");
        assertEquals("false", read.next().get(b).getLiteralLexicalForm());
    }

    @Test
    void anUnreachableEndpointNamesTheCause() {
        var query = QueryFactory.create("ASK {}");
        InputException e = assertThrows(InputException.class, () -> GraphSource.endpoint("http://localhost:1/sparql").ask(query, null));
        assertTrue(e.getMessage().startsWith("SPARQL endpoint http://localhost:1/sparql: "), e.getMessage());
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
    }
}
