package org.w3id.claimgraph.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.store.DatabaseLoad;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.Validator;
import org.w3id.claimgraph.query.QueryFixture;

/**
 * The summaries the build stores say what their definitions say, computed the long way on the seed graph: the
 * support status is the judgement of the rule no-evidence, a claim is about the concepts its subject or object
 * falls under, a total counts the claims of its value, the findings graph is the validation report; and a TDB2
 * load stores the same summaries as the build in memory.
 */
class SummariesTest {
    private static final String PREFIXES = """
            PREFIX cg: <https://w3id.org/claimgraph/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX sh: <http://www.w3.org/ns/shacl#>
            PREFIX void: <http://rdfs.org/ns/void#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            """;
    private static DatasetGraph seed;
    private static GraphSource source;

    @BeforeAll
    static void build() {
        seed = QueryFixture.seeds();
        source = GraphSource.of(seed, "seed graph");
    }

    @Test
    void unsupportedIsWhatTheRuleNoEvidenceFlags() {
        Validator validator = Validator.load(ProjectLayout.locate());
        Set<String> flagged = validator.validate(source, RuleEngine.Kind.SPARQL, List.of(validator.rules().find("no-evidence").orElseThrow()))
                .stream().map(Finding::claim).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(flagged.isEmpty(), "the seeds have unsupported claims");
        assertEquals(flagged, rows("SELECT ?claim WHERE { ?claim cg:supportStatus \"unsupported\" }"));
        assertEquals(rows("SELECT ?claim WHERE { ?claim a cg:Claim ; cg:grade/cg:rank ?r FILTER (?r <= 2) }").stream()
                        .filter(c -> !flagged.contains(c)).collect(Collectors.toCollection(TreeSet::new)),
                rows("SELECT ?claim WHERE { ?claim cg:supportStatus \"weakly supported\" }"));
        assertEquals(rows("SELECT ?claim WHERE { ?claim a cg:Claim }").size(),
                rows("SELECT ?claim ?s WHERE { ?claim cg:supportStatus ?s }").size(), "one status per claim");
    }

    @ParameterizedTest
    @CsvSource({"cg:aboutMineral, cg:Mineral", "cg:aboutForm, cg:Form", "cg:aboutMechanism, cg:Mechanism", "cg:aboutOutcome, cg:Outcome"})
    void aClaimIsAboutTheConceptsItsSubjectOrObjectFallsUnder(String property, String type) {
        Set<String> summarised = rows("SELECT ?claim ?concept WHERE { ?claim " + property + " ?concept }");
        assertFalse(summarised.isEmpty());
        assertEquals(rows("SELECT DISTINCT ?claim ?concept WHERE { ?claim a cg:Claim ; (cg:subject|cg:object)/skos:broader* ?concept . ?concept a "
                + type + " }"), summarised);
    }

    @Test
    void evidenceTypesAreTheTypesOfTheClaimsLines() {
        assertEquals(rows("SELECT DISTINCT ?claim ?type WHERE { ?claim a cg:Claim ; cg:evidence/a ?type . ?type rdfs:subClassOf cg:Evidence }"),
                rows("SELECT ?claim ?type WHERE { ?claim cg:evidenceType ?type }"));
    }

    @Test
    void eachTotalCountsTheClaimsWithItsValue() {
        Set<String> totals = rows("SELECT ?p ?v ?n WHERE { ?t a cg:FacetTotal ; cg:facetProperty ?p ; cg:facetValue ?v ; void:entities ?n }");
        assertTrue(totals.size() > 50, "totals of every facet: " + totals.size());
        assertEquals(rows("SELECT ?p ?v (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?p a cg:FacetProperty . ?claim a cg:Claim ; ?p ?v } GROUP BY ?p ?v"), totals);
        assertEquals(rows("SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim }"),
                rows("SELECT ?n WHERE { ?d void:classPartition [ void:class cg:Claim ; void:entities ?n ] }"));
    }

    @Test
    void eachTripleTotalCountsTheClaimsThatStateItAndTheirBestGrade() {
        Set<String> totals = rows("SELECT ?s ?r ?o ?n ?best WHERE { ?t a cg:TripleTotal ; rdf:subject ?s ; rdf:predicate ?r ; rdf:object ?o ; void:entities ?n ; cg:bestRank ?best }");
        assertTrue(totals.size() > 100, "a total per triple: " + totals.size());
        assertEquals(rows("SELECT ?s ?r ?o (COUNT(DISTINCT ?claim) AS ?n) (MAX(?rank) AS ?best) WHERE { ?claim a cg:Claim ; cg:subject ?s ; cg:relation ?r ; cg:object ?o ; cg:grade/cg:rank ?rank } GROUP BY ?s ?r ?o"),
                totals);
    }

    @Test
    void eachMatrixCellCountsTheClaimsAboutItsFormAndOutcome() {
        Set<String> cells = rows("SELECT ?f ?o ?n ?best WHERE { ?c a cg:MatrixCell ; cg:cellForm ?f ; cg:cellOutcome ?o ; void:entities ?n ; cg:bestRank ?best }");
        assertTrue(cells.size() > 5, "cells: " + cells.size());
        assertEquals(rows("SELECT ?f ?o (COUNT(DISTINCT ?claim) AS ?n) (MAX(?rank) AS ?best) WHERE { ?claim a cg:Claim ; cg:aboutForm ?f ; cg:aboutOutcome ?o ; cg:grade/cg:rank ?rank } GROUP BY ?f ?o"),
                cells);
    }

    /** The claims about a concept: their subject or object is the concept or falls under it (cg:formOf, skos:broader). */
    private static final String ABOUT = "?about (cg:formOf|skos:broader)* ?concept . ?claim a cg:Claim ; cg:subject|cg:object ?about . ";

    @Test
    void aConceptsRelationTotalsCountTheClaimsAboutItOnceEach() {
        Set<String> totals = rows("SELECT ?concept ?r ?n WHERE { ?t a cg:ConceptRelationTotal ; cg:aboutConcept ?concept ; rdf:predicate ?r ; void:entities ?n }");
        assertTrue(totals.size() > 100, "totals: " + totals.size());
        assertEquals(rows("SELECT ?concept ?r (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?concept a/rdfs:subClassOf cg:Concept . " + ABOUT
                + "?claim cg:relation ?r } GROUP BY ?concept ?r"), totals);
    }

    @Test
    void aConceptsNetworkIsTheEdgesOfTheClaimsAboutItAndOneMechanismFurther() {
        Set<String> edges = rows("SELECT ?concept ?s ?o ?n ?best WHERE { ?e a cg:NetworkEdge ; cg:aboutConcept ?concept ; rdf:subject ?s ; rdf:object ?o ; void:entities ?n ; cg:bestRank ?best }");
        assertTrue(edges.size() > 100, "edges: " + edges.size());
        String via = "?via a ?viaType . VALUES ?viaType { cg:Mechanism cg:Hormone cg:Neurotransmitter cg:Receptor } ";
        assertEquals(rows("SELECT ?concept ?s ?o (COUNT(DISTINCT ?claim) AS ?n) (MAX(?rank) AS ?best) WHERE { ?concept a/rdfs:subClassOf cg:Concept . "
                + "{ " + ABOUT + "} UNION "
                + "{ ?about (cg:formOf|skos:broader)* ?concept . ?first cg:subject ?about ; cg:object ?via . " + via
                + "  ?claim cg:subject ?via ; cg:object ?next . ?next a cg:Outcome } UNION "
                + "{ ?about (cg:formOf|skos:broader)* ?concept . ?first cg:object ?about ; cg:subject ?via . " + via
                + "  ?claim cg:object ?via ; cg:subject ?agent . ?agent a ?agentType . VALUES ?agentType { cg:Mineral cg:Form } } "
                + "?claim cg:subject ?s ; cg:object ?o ; cg:grade/cg:rank ?rank } GROUP BY ?concept ?s ?o"), edges);
    }

    @Test
    void theFindingsGraphIsTheValidationReportOfEveryRule() {
        Validator validator = Validator.load(ProjectLayout.locate());
        List<String> expected = new ArrayList<>();
        for (Finding f : validator.validate(source, RuleEngine.Kind.SPARQL, validator.rules().all())) {
            expected.add(f.claim() + " " + validator.rules().find(f.rule()).orElseThrow().iri().getURI());
        }
        List<String> stored = new ArrayList<>();
        source.select(QueryFactory.create(PREFIXES + "SELECT ?claim ?rule WHERE { GRAPH <" + GraphNames.FINDINGS
                + "> { ?report a sh:ValidationReport ; sh:result ?r . ?r sh:focusNode ?claim ; sh:sourceShape ?rule } }"))
                .forEachRemaining(b -> stored.add(b.get("claim").getURI() + " " + b.get("rule").getURI()));
        expected.sort(null);
        stored.sort(null);
        assertEquals(expected, stored);
    }

    @Test
    void aDatabaseLoadStoresTheSameSummariesAndFindings(@TempDir Path dir) {
        Path db = dir.resolve("db");
        DatabaseLoad.of(ProjectLayout.locate()).into(db);
        try (GraphSource tdb = GraphSource.tdb2(db)) {
            DatasetGraph loaded = tdb.dataset().orElseThrow();
            for (String name : List.of(GraphNames.SUMMARIES, GraphNames.FINDINGS)) {
                Graph inMemory = Txn.calculateRead(seed, () -> copy(seed.getGraph(NodeFactory.createURI(name))));
                Graph inTdb = Txn.calculateRead(loaded, () -> copy(loaded.getGraph(NodeFactory.createURI(name))));
                assertFalse(inMemory.isEmpty(), name);
                assertTrue(inMemory.isIsomorphicWith(inTdb), name + ": the load's differs from the build's in memory");
            }
        }
    }

    @Test
    void theDocumentsIndexPositionsNumberEveryDocumentByIdentifierFromZero() {
        List<String> byIdentifier = list("SELECT ?d WHERE { ?d a cg:SourceDocument ; <http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id");
        List<String> byPosition = list("SELECT ?d WHERE { ?d cg:indexPosition ?p } ORDER BY ?p");
        assertTrue(byIdentifier.size() > 1, "the seeds have documents to order");
        assertEquals(byIdentifier, byPosition);
        assertEquals(list("SELECT ?p WHERE { ?d cg:indexPosition ?p } ORDER BY ?p"),
                IntStream.range(0, byIdentifier.size()).mapToObj(String::valueOf).toList());
    }

    @Test
    void aProjectWithoutPositionQueriesGetsNoPositions(@TempDir Path dir) {
        List<Quad> sent = new ArrayList<>();
        Txn.executeRead(seed, () -> Summaries.positions(seed, ProjectLayout.locate(), dir.resolve("positions"), new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                sent.add(quad);
            }
        }));
        assertEquals(List.of(), sent);
    }

    private static List<String> list(String select) {
        List<String> out = new ArrayList<>();
        var rows = source.select(QueryFactory.create(PREFIXES + select));
        Var only = rows.getResultVars().get(0);
        while (rows.hasNext()) {
            Node n = rows.next().get(only);
            out.add(n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
        }
        return out;
    }

    private static Graph copy(Graph g) {
        Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(out::add);
        return out;
    }

    /** The rows of a query on the seed graph, each as its values joined by spaces, sorted. */
    private static Set<String> rows(String select) {
        Set<String> out = new TreeSet<>();
        var rows = source.select(QueryFactory.create(PREFIXES + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + select));
        List<org.apache.jena.sparql.core.Var> vars = rows.getResultVars();
        while (rows.hasNext()) {
            Binding b = rows.next();
            out.add(vars.stream().map(v -> String.valueOf(b.get(v))).collect(Collectors.joining(" ")));
        }
        return out;
    }
}
