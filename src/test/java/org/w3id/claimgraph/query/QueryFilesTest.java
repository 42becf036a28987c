package org.w3id.claimgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.Validator;

/**
 * Issue 19, item 4: a named query's file is a query of its own. Run as it is by plain Jena ARQ (no claimgraph code:
 * the file's text, a dataset whose default graph holds every triple, with the validation report stored beside the
 * data as SHACL writes it), a file without required parameters gives the rows of {@code query NAME} with no
 * parameters, its documented defaults included; and every sample call, its values bound by a {@code VALUES} block at
 * the start of the query's WHERE, gives the rows of the same call through claimgraph (which binds by substitution
 * and reads the rules' judgements from the rules themselves).
 */
class QueryFilesTest {
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static DatasetGraph fixture;
    private static DatasetGraph plain;
    private static QueryLibrary library;

    @BeforeAll
    static void setUp() {
        fixture = QueryFixture.withFixture();
        library = QueryFixture.library();
        plain = DatasetGraphFactory.createTxnMem();
        Validator validator = Validator.load(QueryFixture.fixtureLayout());
        GraphSource source = GraphSource.of(fixture, "fixture");
        List<Finding> findings = validator.validate(source, RuleEngine.Kind.SPARQL, validator.rules().all());
        Node report = NodeFactory.createURI("urn:example:validation-report");
        Txn.executeWrite(plain, () -> {
            Txn.executeRead(fixture, () -> fixture.find().forEachRemaining(q -> {
                plain.add(q);
                plain.getDefaultGraph().add(q.asTriple());
            }));
            for (Finding f : findings) {
                Node result = NodeFactory.createBlankNode();
                Rule rule = validator.rules().all().stream().filter(r -> r.id().equals(f.rule())).findFirst().orElseThrow();
                for (var t : List.of(
                        new Node[] {result, RDF.type.asNode(), NodeFactory.createURI(SH + "ValidationResult")},
                        new Node[] {result, NodeFactory.createURI(SH + "focusNode"), NodeFactory.createURI(f.claim())},
                        new Node[] {result, NodeFactory.createURI(SH + "sourceShape"), rule.iri()})) {
                    plain.add(report, t[0], t[1], t[2]);
                    plain.getDefaultGraph().add(t[0], t[1], t[2]);
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aFileRunAsItIsGivesTheDefaultAnswer() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NamedQuery query : library.all()) {
            if (query.params().stream().anyMatch(NamedQuery.Param::required)) continue;
            tests.add(DynamicTest.dynamicTest(query.name(), () -> {
                List<List<String>> asIs = plainRows(Files.readString(query.file()));
                List<List<String>> byClaimgraph = QueryFixture.cells(QueryFixture.run(fixture, query.name(), Map.of()));
                assertEquals(inOrder(query, byClaimgraph), inOrder(query, asIs));
            }));
        }
        assertTrue(tests.size() >= 10);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> valuesBindsAParameterAsClaimgraphDoes() {
        return QuerySamples.ALL.stream().filter(s -> !s.params().isEmpty()).map(sample -> DynamicTest.dynamicTest(sample.toString(), () -> {
            NamedQuery query = library.get(sample.name());
            String text = withValues(Files.readString(query.file()), query, sample.params());
            List<List<String>> byClaimgraph = QueryFixture.cells(QueryFixture.run(fixture, sample.name(), sample.params()));
            assertEquals(inOrder(query, byClaimgraph), inOrder(query, plainRows(text)), text);
        }));
    }

    /** The file's text with a VALUES block binding {@code params} (as RDF terms of their types) first in its WHERE. */
    static String withValues(String text, NamedQuery query, Map<String, String> params) {
        StringBuilder vars = new StringBuilder();
        StringBuilder terms = new StringBuilder();
        params.forEach((name, value) -> {
            Node term = query.param(name).orElseThrow().type().parse(value, query.prefixes());
            vars.append(" ?").append(name);
            terms.append(' ').append(FmtUtils.stringForNode(term, PrefixMapping.Factory.create()));
        });
        int where = text.indexOf('{', indexOfWhere(text));
        return text.substring(0, where + 1) + "\n  VALUES (" + vars + " ) { (" + terms + " ) }" + text.substring(where + 1);
    }

    private static int indexOfWhere(String text) {
        var m = java.util.regex.Pattern.compile("(?m)^(?!#).*?\\bWHERE\\b").matcher(text);
        if (!m.find()) throw new AssertionError("no WHERE");
        return m.end();
    }

    /**
     * The rows as they come where the query sorts them; an unsorted export's in the order of their cells, since
     * another form of the same query (a VALUES block, another dataset) may be planned to find them in another order.
     */
    private static List<List<String>> inOrder(NamedQuery query, List<List<String>> rows) {
        return query.parse().hasOrderBy() ? rows : SeedQueriesTest.sorted(rows);
    }

    private static List<List<String>> plainRows(String text) {
        try (QueryExec exec = QueryExec.dataset(plain).query(QueryFactory.create(text)).build()) {
            RowSetRewindable rows = exec.select().rewindable();
            return QueryFixture.cells(rows);
        }
    }
}
