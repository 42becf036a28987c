package org.w3id.claimgraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.QueryFixture;

/** Reading ontology/rules.ttl: what a rule must have, and what happens when it does not. */
class RuleSetTest {
    private static final String PREFIXES = """
            @prefix cg:  <https://w3id.org/claimgraph/ontology#> .
            @prefix cgr: <https://w3id.org/claimgraph/rules#> .
            @prefix sh:  <http://www.w3.org/ns/shacl#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            """;

    @Test
    void everyProjectRuleHasItsMetadataAndAQueryThatReturnsThis() {
        RuleSet rules = RuleSet.load(ProjectLayout.locate());
        assertEquals(11, rules.all().size());
        for (Rule r : rules.all()) {
            assertTrue(r.iri().getURI().endsWith("#" + r.id()), r.id());
            assertTrue(r.definition().length() > 40, r.id());
            assertEquals("https://w3id.org/claimgraph/ontology#Claim", r.targetClass().getURI());
            assertTrue(r.select().getProjectVars().contains(Rule.THIS), r.id());
            assertTrue(r.fullScan().toString().contains("(rdfs:subClassOf)+ cg:Claim"), r.id());
        }
        assertEquals(List.of(Severity.VIOLATION, Severity.WARNING, Severity.INFO),
                rules.all().stream().map(Rule::severity).distinct().sorted((a, b) -> b.compareTo(a)).toList());
    }

    @Test
    void theStructuralBuildLeavesTheRulesOut() {
        DatasetGraph ds = QueryFixture.seeds();
        for (String graph : List.of(GraphNames.ONTOLOGY, GraphNames.SHAPES)) {
            assertFalse(ds.getGraph(NodeFactory.createURI(graph))
                    .contains(NodeFactory.createURI("https://w3id.org/claimgraph/rules#disputed"), org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY), graph);
        }
    }

    @Test
    void aRuleChecksTheInstancesOfItsTargetClassAndOfItsSubclassesOnly() {
        Graph g = parse(PREFIXES + """
                cgr:marked a cg:Rule ; skos:notation "marked" ; cg:rank 1 ; skos:prefLabel "marked" ; skos:definition "d" ;
                    sh:severity sh:Warning ; sh:targetClass cg:Claim ;
                    sh:sparql [ sh:message "m" ; sh:select "SELECT $this WHERE { $this <http://example.org/marked> true }" ] .
                """);
        Rule rule = RuleSet.read(g, "rules.ttl").find("marked").orElseThrow();
        DatasetGraph data = DatasetGraphFactory.createTxnMem();
        // In a named graph, as the build writes every statement: the default graph queried is their union.
        data.addGraph(NodeFactory.createURI("http://example.org/graph"), parse(PREFIXES + """
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <http://example.org/Narrower> rdfs:subClassOf <http://example.org/Special> . <http://example.org/Special> rdfs:subClassOf cg:Claim .
                <http://example.org/claim> a cg:Claim ; <http://example.org/marked> true .
                <http://example.org/special> a <http://example.org/Narrower> ; <http://example.org/marked> true .
                <http://example.org/twice> a cg:Claim , <http://example.org/Other> ; <http://example.org/marked> true .
                <http://example.org/other> a <http://example.org/Other> ; <http://example.org/marked> true .
                <http://example.org/unmarked> a cg:Claim .
                """));
        List<String> flagged = GraphSource.of(data, "test").stream(rule.fullScan(), null, rows -> {
            List<String> out = new java.util.ArrayList<>();
            rows.forEachRemaining(row -> out.add(row.get(Rule.THIS).getURI()));
            return out;
        });
        assertEquals(List.of("http://example.org/claim", "http://example.org/special", "http://example.org/twice"), flagged.stream().sorted().toList());
    }

    @Test
    void aRuleWithoutSeverityOrWithABrokenQueryFailsNamingTheRule() {
        Graph g = parse(PREFIXES + """
                cgr:broken a cg:Rule ; skos:notation "broken" ; cg:rank 1 ; skos:prefLabel "broken" ; skos:definition "d" ;
                    sh:targetClass cg:Claim ;
                    sh:sparql [ sh:message "m" ; sh:select "SELECT $this WHERE { $this ?p }" ] .
                """);
        BuildFailure e = assertThrows(BuildFailure.class, () -> RuleSet.read(g, "ontology/rules.ttl"));
        String text = e.getMessage();
        assertTrue(text.contains("ontology/rules.ttl: <https://w3id.org/claimgraph/rules#broken>: the rule has no severity (sh:severity)"), text);
        assertTrue(text.contains("rule broken: its query does not parse"), text);
    }

    @Test
    void aQueryThatDoesNotReturnThisIsRefused() {
        Graph g = parse(PREFIXES + """
                cgr:blind a cg:Rule ; skos:notation "blind" ; cg:rank 1 ; skos:prefLabel "blind" ; skos:definition "d" ;
                    sh:severity sh:Warning ; sh:targetClass cg:Claim ;
                    sh:sparql [ sh:message "m" ; sh:select "SELECT ?x WHERE { ?x ?p ?o }" ] .
                """);
        BuildFailure e = assertThrows(BuildFailure.class, () -> RuleSet.read(g, "rules.ttl"));
        assertTrue(e.getMessage().contains("rule blind: its query must return $this"), e.getMessage());
    }

    @Test
    void anUnknownRuleIdIsAUsageErrorListingTheKnownOnes() {
        RuleSet rules = RuleSet.load(ProjectLayout.locate());
        InputException e = assertThrows(InputException.class, () -> rules.select(List.of("disputed", "made-up")));
        assertTrue(e.getMessage().startsWith("unknown rule made-up (rules: no-evidence, unreviewed, vague-citation"), e.getMessage());
        assertEquals(List.of("disputed", "overstated"), rules.select(List.of("overstated", "disputed")).stream().map(Rule::id).toList());
    }

    private static Graph parse(String turtle) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(g);
        return g;
    }
}
