package org.w3id.claimgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.support.TestProject;

/**
 * The named queries as the SPARQL test suites test a query: each case of src/test/resources/queries/manifest.ttl
 * (a query, its parameters, its expected results beside it as SPARQL JSON) runs on the query fixture and must give
 * exactly the expected rows, in order when the query sorts them. {@code -Dclaimgraph.repin=true} rewrites the
 * result files instead, for review.
 */
class NamedQueryCasesTest {
    private static final Path CASES = TestProject.REPO.resolve("src/test/resources/queries");
    private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final String CGT = "https://w3id.org/claimgraph/test#";
    private static final boolean REPIN = Boolean.getBoolean("claimgraph.repin");

    record Case(String name, String query, Map<String, String> params, Path result) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Path home;
    private static QueryLibrary library;
    private static GraphSource fixture;

    @BeforeAll
    static void build() throws IOException {
        home = Files.createTempDirectory("claimgraph-query-cases");
        TestProject project = TestProject.queryFixture(home);
        library = QueryLibrary.load(project.layout());
        fixture = GraphSource.of(project.build().asDatasetGraph(), "query fixture");
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static List<Case> cases() {
        Path manifest = CASES.resolve("manifest.ttl");
        Graph g = RDFDataMgr.loadGraph(manifest.toUri().toString());
        Node list = g.find(Node.ANY, uri(MF + "entries"), Node.ANY).next().getObject();
        List<Case> cases = new ArrayList<>();
        for (Node entry : GraphList.members(new GNode(g, list))) {
            Node action = one(g, entry, MF + "action");
            Map<String, String> params = new LinkedHashMap<>();
            g.find(action, uri(CGT + "param"), Node.ANY).forEachRemaining(t -> {
                String p = t.getObject().getLiteralLexicalForm();
                params.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
            });
            cases.add(new Case(one(g, entry, MF + "name").getLiteralLexicalForm(),
                    one(g, action, CGT + "namedQuery").getLiteralLexicalForm(), params,
                    Path.of(java.net.URI.create(one(g, entry, MF + "result").getURI()))));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesItsExpectedResults(Case c) throws IOException {
        Query query = library.get(c.query()).bind(c.params());
        RowSetRewindable rows = fixture.select(query);
        ResultSetRewindable actual = ResultSet.adapt(rows).rewindable();
        if (REPIN) {
            try (OutputStream out = Files.newOutputStream(c.result())) {
                ResultSetMgr.write(out, actual, ResultSetLang.RS_JSON);
            }
            return;
        }
        ResultSetRewindable expected;
        try (InputStream in = Files.newInputStream(c.result())) {
            expected = ResultSetMgr.read(in, ResultSetLang.RS_JSON).rewindable();
        }
        boolean same = query.hasOrderBy() ? ResultSetCompare.equalsByTermAndOrder(expected, actual)
                : ResultSetCompare.equalsByTerm(expected, actual);
        expected.reset();
        actual.reset();
        assertTrue(same, c + ": expected\n" + ResultSetFormatter.asText(expected) + "\nbut got\n" + ResultSetFormatter.asText(actual));
    }

    @Test
    void everyQueryOfTheLibraryHasACaseAndEveryResultFileACase() throws IOException {
        List<Case> cases = cases();
        assertEquals(new TreeSet<>(library.all().stream().map(NamedQuery::name).toList()),
                new TreeSet<>(cases.stream().map(Case::query).toList()));
        try (Stream<Path> files = Files.list(CASES.resolve("results"))) {
            assertEquals(new TreeSet<>(files.toList()), new TreeSet<>(cases.stream().map(Case::result).toList()));
        }
    }

    private static Node one(Graph g, Node s, String p) {
        var it = g.find(s, uri(p), Node.ANY);
        if (!it.hasNext()) throw new UncheckedIOException(new IOException("manifest: " + s + " has no " + p));
        return it.next().getObject();
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
