package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * { ?s ?p ?o }",
            "SELECT (<http://jena.apache.org/ARQ/function#sha1sum>(\"a\") AS ?x) {}",
            "SELECT * { ?s <http://www.w3.org/2000/01/rdf-schema#label>* ?o }",
            "ASK { FILTER EXISTS { ?s ?p ?o } }"})
    void ordinaryQueriesPass(String query) {
        assertEquals(Optional.empty(), RequestPolicy.refusal(QueryFactory.create(query)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "SELECT * { OPTIONAL { ?s ?p ?o MINUS { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } } } }",
            "SELECT * { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
            "SELECT ?x { BIND(EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } AS ?x) }",
            "DESCRIBE ?s { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"})
    void serviceIsFoundWherever(String query) {
        assertTrue(RequestPolicy.refusal(QueryFactory.create(query)).orElseThrow().startsWith("SERVICE is disabled"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * { ?s ?p ?o FILTER(<java:org.example.Evil>(?o)) }",
            "SELECT * { ?s ?p ?o } ORDER BY <java:org.example.Evil>(?o)",
            "SELECT * { ?s ?p ?o } GROUP BY ?s HAVING(<http://jena.apache.org/ARQ/jsFunction#f>(?s))",
            "SELECT * { ?s <java:org.example.Evil> ?o }",
            "SELECT (SUM(<java:org.example.Evil>(?o)) AS ?n) { ?s ?p ?o }",
            "SELECT ?k (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (<java:org.example.Evil>(?o) AS ?k)",
            "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } })"})
    void classLoadedAndScriptFunctionsAreFound(String query) {
        assertTrue(RequestPolicy.refusal(QueryFactory.create(query)).orElseThrow().contains("disabled on this server"), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "LOAD <http://example.org/data.ttl>",
            "LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:example:g>",
            "INSERT DATA { GRAPH <urn:example:g> { <urn:example:s> <urn:example:p> 1 } } ; LOAD <http://example.org/data.ttl>",
            "INSERT { GRAPH <urn:example:g> { ?s ?p ?o } } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o FILTER(<java:org.example.Evil>(?o)) } }"})
    void updatesThatReachOutAreRefused(String update) {
        assertTrue(RequestPolicy.refusal(UpdateFactory.create(update)).isPresent(), update);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT DATA { GRAPH <urn:example:g> { <urn:example:s> <urn:example:p> 1 } }",
            "DELETE WHERE { GRAPH ?g { <urn:example:s> ?p ?o } }",
            "WITH <urn:example:g> DELETE { ?s ?p ?o } INSERT { ?s ?p 2 } WHERE { ?s ?p ?o }",
            "DROP GRAPH <urn:example:g>"})
    void ordinaryUpdatesPass(String update) {
        assertEquals(Optional.empty(), RequestPolicy.refusal(UpdateFactory.create(update)));
    }
}
