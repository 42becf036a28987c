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
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.QuerySamples;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.support.VirtuosoServer;
import org.w3id.claimgraph.validate.ClaimExplainer;
import org.w3id.claimgraph.validate.ClaimLocator;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.Explanation;
import org.w3id.claimgraph.validate.ExplanationTextWriter;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.RuleSet;
import org.w3id.claimgraph.graph.GraphSource;
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
        try (GraphSource memory = GraphSource.of(inProcess, "in process"); GraphSource virtuoso = GraphSource.endpoint(endpoint)) {
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
                if (!expected.equals(actual)) differences.add(s + ": " + expected.size() + " rows in process, " + actual.size() + " on Virtuoso" + firstDifference(expected, actual));
            }
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void everyRuleFindsWhatItFindsInProcess() {
        RuleSet rules = RuleSet.load(ProjectLayout.locate());
        GraphSource memory = GraphSource.of(inProcess, "in process");
        GraphSource virtuoso = GraphSource.endpoint(endpoint);
        List<String> differences = new ArrayList<>();
        int found = 0;
        for (Rule rule : rules.all()) {
            List<String> expected = rows(memory.stream(rule.fullScan(), null, VirtuosoParityTest::read), false);
            List<String> actual = rows(virtuoso.stream(rule.fullScan(), null, VirtuosoParityTest::read), false);
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
            Explanation local = explainer.explain(GraphSource.of(inProcess, "in process"), RuleEngine.Kind.SPARQL, claim);
            Explanation remote = explainer.explain(GraphSource.endpoint(endpoint), RuleEngine.Kind.SPARQL, claim);
            // What explain prints (numbers by value there), and the findings exactly.
            assertEquals(text(writer, local), text(writer, remote), id);
            assertEquals(local.findings(), remote.findings(), id);
        }
    }

    /**
     * The explorer's queries (queries/explorer/), filled as its pages fill them (a VALUES block opening the WHERE
     * for ?resource; the claim list's slots with facet sections of facets.rq, renamed as js/facets.js renames them)
     * and resolved as the server resolves them: for claims, documents, concepts and references of the project, the
     * facet counts, and the claim list unfiltered, by mineral and by flag.
     */
    @Test
    void theExplorersQueriesAnswerAsInProcess() throws java.io.IOException {
        java.nio.file.Path dir = project().queriesDir().resolve("explorer");
        java.util.function.UnaryOperator<Query> resolve = QueryLibrary.resolver(project());
        Map<String, String> sections = facetSections(java.nio.file.Files.readString(dir.resolve("facets.rq")));
        Map<String, List<String>> resources = Map.of(
                "claim", firstOf(inProcess, "?x a cg:Claim", 3),
                "document", firstOf(inProcess, "?x a cg:SourceDocument", 2),
                "concept", List.of("https://w3id.org/claimgraph/id/concept/magnesium", "https://w3id.org/claimgraph/id/concept/calcium"),
                "reference", firstOf(inProcess, "?c cg:evidence/cg:reference ?x", 2));
        Map<String, String> byQuery = new java.util.LinkedHashMap<>();
        Map<String, String> kind = Map.ofEntries(Map.entry("claim", "claim"), Map.entry("claim-quotes", "claim"),
                Map.entry("claim-evidence", "claim"), Map.entry("document", "document"), Map.entry("document-claims", "document"),
                Map.entry("concept-claims", "concept"), Map.entry("concept-network", "concept"), Map.entry("concept-relations", "concept"),
                Map.entry("reference-claims", "reference"), Map.entry("resource", "concept"));
        String flag = rename(sections.get("flag"), "flag").replace("?value_flag", "?flag");
        for (var e : kind.entrySet()) {
            String text = java.nio.file.Files.readString(dir.resolve(e.getKey() + ".rq")).replaceAll("(?m)^\\s*#FLAG\\s*$", java.util.regex.Matcher.quoteReplacement(flag));
            for (String iri : resources.get(e.getValue())) byQuery.put(e.getKey() + " " + iri, bindResource(text, iri));
        }
        for (String plain : List.of("documents", "concepts", "matrix")) byQuery.put(plain, java.nio.file.Files.readString(dir.resolve(plain + ".rq")));
        String counts = java.nio.file.Files.readString(dir.resolve("facet-counts.rq"));
        for (var facet : sections.entrySet()) {
            if (facet.getKey().equals("text")) continue;
            byQuery.put("facet-counts " + facet.getKey(), counts.replaceAll("(?m)^\\s*#FACET\\s*$", java.util.regex.Matcher.quoteReplacement(facet.getValue())));
        }
        Map<String, String> filters = Map.of("none", "",
                "mineral", "VALUES (?value_mineral) { (<https://w3id.org/claimgraph/id/concept/magnesium>) }\n" + rename(sections.get("mineral"), "mineral"),
                "flag", rename(sections.get("flag"), "flag") + "FILTER (?value_flag = \"unsupported\")\n",
                "text", rename(sections.get("text"), "text").replace("?value_text", "\"magnesium\""));
        for (var f : filters.entrySet()) {
            for (String q : List.of("claims-list", "claims-count")) {
                String text = java.nio.file.Files.readString(dir.resolve(q + ".rq"))
                        .replaceAll("(?m)^\\s*#FILTERS\\s*$", java.util.regex.Matcher.quoteReplacement(f.getValue()))
                        .replaceAll("(?m)^\\s*#FLAG\\s*$", java.util.regex.Matcher.quoteReplacement(flag));
                byQuery.put(q + " " + f.getKey(), text);
            }
        }
        List<String> differences = new ArrayList<>();
        int compared = 0;
        try (GraphSource memory = GraphSource.of(inProcess, "in process"); GraphSource virtuoso = GraphSource.endpoint(endpoint)) {
            for (var q : byQuery.entrySet()) {
                Query query = resolve.apply(org.apache.jena.query.QueryFactory.create(q.getValue()));
                if (!query.isSelectType()) continue;
                List<String> expected = rows(memory.stream(query, null, VirtuosoParityTest::read), false);
                List<String> actual;
                try {
                    actual = rows(virtuoso.stream(query, null, VirtuosoParityTest::read), false);
                } catch (RuntimeException e) {
                    differences.add(q.getKey() + ": fails on Virtuoso: " + e.getMessage());
                    continue;
                }
                if (!expected.isEmpty()) compared++;
                if (!expected.equals(actual)) differences.add(q.getKey() + ": " + expected.size() + " rows in process, " + actual.size() + " on Virtuoso" + firstDifference(expected, actual));
            }
        }
        assertEquals(List.of(), differences);
        assertTrue(compared >= byQuery.size() / 2, "most explorer queries find rows to compare: " + compared + " of " + byQuery.size());
    }

    /** The sections "# facet: NAME" of facets.rq, as js/facets.js reads them. */
    private static Map<String, String> facetSections(String text) {
        Map<String, String> sections = new java.util.LinkedHashMap<>();
        String current = null;
        for (String line : text.split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^# facet: (\\w+)\\s*$").matcher(line);
            if (m.matches()) {
                current = m.group(1);
                sections.put(current, "");
            } else if (current != null) {
                sections.merge(current, line + "\n", String::concat);
            }
        }
        return sections;
    }

    /** js/facets.js's rename: every variable but ?claim gets the suffix. */
    private static String rename(String pattern, String suffix) {
        return java.util.regex.Pattern.compile("\\?(\\w+)\\b").matcher(pattern)
                .replaceAll(m -> m.group(1).equals("claim") ? "?claim" : java.util.regex.Matcher.quoteReplacement("?" + m.group(1) + "_" + suffix));
    }

    /** js/sparql.js's bind: a VALUES block opening the outermost WHERE group. */
    private static String bindResource(String text, String iri) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bWHERE\\s*\\{", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text);
        assertTrue(m.find(), "a WHERE clause");
        return text.substring(0, m.end()) + "\nVALUES (?resource) { (<" + iri + ">) }\n" + text.substring(m.end());
    }

    private static List<String> firstOf(DatasetGraph dsg, String pattern, int n) {
        Query q = org.apache.jena.query.QueryFactory.create("PREFIX cg: <https://w3id.org/claimgraph/ontology#> SELECT DISTINCT ?x WHERE { "
                + pattern + " } ORDER BY ?x LIMIT " + n);
        return GraphSource.of(dsg, "in process").stream(q, null, rows -> {
            List<String> out = new ArrayList<>();
            rows.forEachRemaining(b -> out.add(b.get(Var.alloc("x")).getURI()));
            return out;
        });
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

    /** The first row in which the two answers differ, to name it in the failure. */
    static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) return "; first difference at row " + (i + 1) + ": in process " + e + ", on Virtuoso " + a;
        }
        return "";
    }
}
