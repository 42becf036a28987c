package org.w3id.claimgraph.virtuoso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.TestInstance;
import org.w3id.claimgraph.load.ProjectLayout;
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
 * The same answers from Virtuoso as in process, over a project loaded with {@code load --engine virtuoso}
 * (each subclass one project, in a Virtuoso of its own: {@link FixtureParityTest}, the seeds and the query
 * fixture; {@link CorpusParityTest}, a generated corpus): every named query with the subclass's parameter sets,
 * every rule, and the explanation of claims ({@code explain}).
 * Rows are compared as lists where the query orders them (the named queries order theirs completely), else
 * as multisets. Literals of xsd:boolean and numeric types are compared by value: Virtuoso keeps values, not
 * lexical forms ("0"^^xsd:boolean for false, "350"^^xsd:decimal for 350.0); a differing datatype still fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VirtuosoParityTest {
    /** The parameter sets of SeedQueriesTest, for the seed concepts, claims and references. */
    static final List<QuerySamples.Sample> SEED_SAMPLES = List.of(
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
                new QuerySamples.Sample("claim-evidence", Map.of("claim", "claim:002-001")));

    private VirtuosoServer virtuoso;
    private String endpoint;
    private DatasetGraph inProcess;

    /** The project to load: its home directory. */
    abstract ProjectLayout project();

    /** The same project built in this process. */
    abstract DatasetGraph builtInProcess();

    /** The named-query calls to compare; every named query at least once. */
    abstract List<QuerySamples.Sample> samples(DatasetGraph inProcess);

    /** The queries that may find no rows in this project (the others must find some, so that they compare something). */
    abstract Set<String> mayBeEmpty();

    /** The claims whose explanation is compared (full IRIs). */
    abstract List<String> claimsToExplain(DatasetGraph inProcess);

    @BeforeAll
    void loadIntoVirtuoso() {
        virtuoso = VirtuosoServer.start();
        endpoint = virtuoso.endpoint();
        List<String> args = new ArrayList<>(List.of("load", "--home", project().home().toString()));
        args.addAll(virtuoso.loadOptions(endpoint));
        CliRun load = CliRun.in(TestProject.REPO, args.toArray(String[]::new));
        assertEquals(0, load.exitCode(), load.err());
        inProcess = builtInProcess();
    }

    @AfterAll
    void stop() {
        if (virtuoso != null) virtuoso.close();
    }

    @Test
    void everyNamedQueryAnswersAsInProcess() {
        QueryLibrary library = QueryLibrary.load(project());
        assertEquals(library.all().stream().map(q -> q.name()).sorted().distinct().toList(),
                samples(inProcess).stream().map(QuerySamples.Sample::name).sorted().distinct().toList(), "every named query is compared");
        List<String> differences = new ArrayList<>();
        try (QueryTarget memory = QueryTarget.dataset(inProcess, "in process"); QueryTarget virtuoso = QueryTarget.endpoint(endpoint)) {
            for (QuerySamples.Sample s : samples(inProcess)) {
                Query query = library.get(s.name()).bind(s.params());
                List<String> expected = rows(memory.stream(query, null, VirtuosoParityTest::read), query.hasOrderBy());
                List<String> actual;
                try {
                    actual = rows(virtuoso.stream(query, null, VirtuosoParityTest::read), query.hasOrderBy());
                } catch (RuntimeException e) {
                    differences.add(s + ": fails on Virtuoso: " + e.getMessage());
                    continue;
                }
                if (expected.isEmpty() && !mayBeEmpty().contains(s.name())) differences.add(s + " finds no rows in process, so compares nothing");
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
        int found = 0;
        for (Rule rule : rules.all()) {
            List<String> expected = rows(memory.select(rule.fullScan(), Map.of(), VirtuosoParityTest::read), false);
            List<String> actual = rows(virtuoso.select(rule.fullScan(), Map.of(), VirtuosoParityTest::read), false);
            if (!expected.equals(actual)) differences.add(rule.id() + ": " + expected.size() + " findings in process, " + actual.size() + " on Virtuoso");
            if (!expected.isEmpty()) found++;
        }
        assertEquals(List.of(), differences);
        assertTrue(found >= rules.all().size() / 2, "most rules find something to compare: " + found + " of " + rules.all().size());
    }

    @Test
    void claimsAreExplainedAsInProcess() {
        ProjectLayout layout = project();
        ClaimExplainer explainer = new ClaimExplainer(layout, Validator.load(layout));
        ExplanationTextWriter writer = new ExplanationTextWriter(new ClaimLocator(layout));
        List<String> claims = claimsToExplain(inProcess);
        assertFalse(claims.isEmpty());
        for (String claim : claims) {
            String id = claim;
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
