package org.w3id.claimgraph.virtuoso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.expr.NodeValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.load.ProjectLayout;
import org.w3id.claimgraph.query.QueryFixture;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.QuerySamples;
import org.w3id.claimgraph.query.QueryTarget;
import org.w3id.claimgraph.query.UnionDefaultGraph;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.support.VirtuosoServer;
import org.w3id.claimgraph.validate.ClaimExplainer;
import org.w3id.claimgraph.validate.ClaimLocator;
import org.w3id.claimgraph.validate.Engine;
import org.w3id.claimgraph.validate.Explanation;
import org.w3id.claimgraph.validate.ExplanationTextWriter;
import org.w3id.claimgraph.validate.Rule;
import org.w3id.claimgraph.validate.RuleSet;
import org.w3id.claimgraph.validate.SparqlService;
import org.w3id.claimgraph.validate.ValidationSource;
import org.w3id.claimgraph.validate.Validator;

/**
 * The same answers from Virtuoso as in process, over the seeds and the query fixture loaded with
 * {@code load --engine virtuoso}: every named query with the parameters of the query tests, every rule, and
 * the explanation of claims ({@code explain}).
 * Rows are compared as lists where the query orders them (the named queries order theirs completely), else
 * as multisets. Literals of xsd:boolean and numeric types are compared by value: Virtuoso keeps values, not
 * lexical forms ("0"^^xsd:boolean for false, "350"^^xsd:decimal for 350.0); a differing datatype still fails.
 */
class VirtuosoParityTest {
    /**
     * A known difference, not yet worked around in ontology/rules.ttl (which the trust-model work is changing):
     * its EXISTS { ?product (cg:formOf|skos:broader)+ ?subject } relates two given nodes by a path, which Virtuoso
     * 7.2 answers wrongly. The portable form, verified on both engines, is in the Virtuoso deviation notes.
     */
    private static final Set<String> KNOWN_RULE_DIFFERENCES = Set.of("interested-source");

    /** The parameter sets of SeedQueriesTest (on the seeds) and of QuerySamples (on the fixture). */
    private static final List<QuerySamples.Sample> SAMPLES;

    static {
        List<QuerySamples.Sample> samples = new ArrayList<>(QuerySamples.ALL);
        samples.addAll(List.of(
                new QuerySamples.Sample("claims-about", Map.of("concept", "concept:magnesium-glycinate")),
                new QuerySamples.Sample("claims-about", Map.of("concept", "concept:magnesium")),
                new QuerySamples.Sample("mechanism-paths", Map.of()),
                new QuerySamples.Sample("mechanism-paths", Map.of("outcome", "concept:depression")),
                new QuerySamples.Sample("mechanism-paths", Map.of("mineral", "concept:calcium", "outcome", "concept:maternal-bonding")),
                new QuerySamples.Sample("outcome-evidence", Map.of("outcome", "concept:depression")),
                new QuerySamples.Sample("unsupported-claims", Map.of("document", "doc:002_880d95a52fef6df5", "includeWeak", "false")),
                new QuerySamples.Sample("documents-by-unsupported-share", Map.of()),
                new QuerySamples.Sample("documents-by-unsupported-share", Map.of("minClaims", "85")),
                new QuerySamples.Sample("claims-by-evidence-type", Map.of("direction", "cg:Disputes")),
                new QuerySamples.Sample("contradicting-claims", Map.of("concept", "concept:magnesium")),
                new QuerySamples.Sample("references-cited", Map.of("reference", "reference:tarleton-2017")),
                new QuerySamples.Sample("doses-vs-upper-limit", Map.of()),
                new QuerySamples.Sample("bioavailability", Map.of()),
                new QuerySamples.Sample("bioavailability", Map.of("form", "concept:magnesium-citrate")),
                new QuerySamples.Sample("concept-search", Map.of("text", "GLYCINE")),
                new QuerySamples.Sample("commercial-interest-claims", Map.of()),
                new QuerySamples.Sample("claim-evidence", Map.of("claim", "claim:002-001"))));
        SAMPLES = List.copyOf(samples);
    }

    private static VirtuosoServer virtuoso;
    private static String endpoint;
    private static DatasetGraph inProcess;

    @BeforeAll
    static void loadTheFixtureIntoVirtuoso() {
        virtuoso = VirtuosoServer.start();
        endpoint = virtuoso.endpoint();
        List<String> args = new ArrayList<>(List.of("load", "--home", QueryFixture.fixtureLayout().home().toString()));
        args.addAll(virtuoso.loadOptions(endpoint));
        CliRun load = CliRun.in(TestProject.REPO, args.toArray(String[]::new));
        assertEquals(0, load.exitCode(), load.err());
        inProcess = QueryFixture.withFixture();
    }

    @AfterAll
    static void stop() {
        if (virtuoso != null) virtuoso.close();
    }

    @Test
    void everyNamedQueryAnswersAsInProcess() {
        QueryLibrary library = QueryFixture.library();
        assertEquals(library.all().stream().map(q -> q.name()).sorted().distinct().toList(),
                SAMPLES.stream().map(QuerySamples.Sample::name).sorted().distinct().toList(), "every named query is compared");
        List<String> differences = new ArrayList<>();
        try (QueryTarget memory = QueryTarget.dataset(inProcess, "in process"); QueryTarget virtuoso = QueryTarget.endpoint(endpoint)) {
            for (QuerySamples.Sample s : SAMPLES) {
                Query query = library.get(s.name()).bind(s.params());
                List<String> expected = rows(memory.stream(query, null, VirtuosoParityTest::read), query.hasOrderBy());
                List<String> actual = rows(virtuoso.stream(query, null, VirtuosoParityTest::read), query.hasOrderBy());
                assertTrue(!expected.isEmpty() || s.name().equals("contradicting-claims"), s + " finds rows in process");
                if (!expected.equals(actual)) differences.add(s + ": " + expected.size() + " rows in process, " + actual.size() + " on Virtuoso");
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void everyRuleFindsWhatItFindsInProcess() {
        RuleSet rules = RuleSet.load(ProjectLayout.locate());
        SparqlService memory = SparqlService.local(UnionDefaultGraph.wrap(inProcess), "in process");
        SparqlService virtuoso = SparqlService.remote(endpoint);
        List<String> differences = new ArrayList<>();
        for (Rule rule : rules.all()) {
            if (KNOWN_RULE_DIFFERENCES.contains(rule.id())) continue;
            List<String> expected = rows(memory.select(rule.fullScan(), Map.of(), VirtuosoParityTest::read), false);
            List<String> actual = rows(virtuoso.select(rule.fullScan(), Map.of(), VirtuosoParityTest::read), false);
            if (!expected.equals(actual)) differences.add(rule.id() + ": " + expected.size() + " findings in process, " + actual.size() + " on Virtuoso");
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void claimsAreExplainedAsInProcess() {
        ProjectLayout layout = QueryFixture.fixtureLayout();
        ClaimExplainer explainer = new ClaimExplainer(layout, Validator.load(layout));
        ExplanationTextWriter writer = new ExplanationTextWriter(new ClaimLocator(layout));
        for (String id : List.of("002-001", "000-003", "000-024", "004-009", "901-004")) {
            String claim = "https://w3id.org/claimgraph/id/claim/" + id;
            Explanation local = explainer.explain(ValidationSource.of(DatasetFactory.wrap(inProcess), "in process"), Engine.SPARQL, claim);
            Explanation remote = explainer.explain(ValidationSource.endpoint(endpoint), Engine.SPARQL, claim);
            // What explain prints (numbers by value there), and the findings exactly.
            assertEquals(text(writer, local), text(writer, remote), id);
            assertEquals(local.findings(), remote.findings(), id);
        }
    }

    private static String text(ExplanationTextWriter writer, Explanation e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(e, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    // --- comparing rows ----------------------------------------------------------------------------------

    private static List<String> read(RowSet rows) {
        List<Var> vars = rows.getResultVars();
        List<String> out = new ArrayList<>();
        rows.forEachRemaining(b -> {
            StringBuilder row = new StringBuilder();
            for (Var v : vars) row.append(v.getVarName()).append('=').append(term(b.get(v))).append(' ');
            out.add(row.toString());
        });
        return out;
    }

    private static List<String> rows(List<String> rows, boolean ordered) {
        return ordered ? rows : rows.stream().sorted().toList();
    }

    /** A term as compared: booleans and numbers by datatype and value, everything else as it is. */
    static String term(Node n) {
        if (n == null) return "-";
        if (n.isLiteral()) {
            NodeValue nv = NodeValue.makeNode(n);
            if (nv.isBoolean()) return "boolean:" + nv.getBoolean();
            if (nv.isInteger()) return n.getLiteralDatatypeURI() + ":" + nv.getInteger();
            if (nv.isDecimal()) return n.getLiteralDatatypeURI() + ":" + nv.getDecimal().stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }
}
