package org.w3id.claimgraph.virtuoso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.AfterAll;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QuerySamples;
import org.w3id.claimgraph.generate.CorpusGenerator;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.RuleSet;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * Virtuoso answers as in process over a generated corpus ({@code generate --claims N --seed 17}: 3,000 claims in the
 * normal run to keep it short, 10,000 with {@code -Dclaimgraph.parity.claims=10000}): thousands of rows per query instead of tens, the shapes where Virtuoso's paths and
 * optimiser went wrong only with few or with many rows. Explained: the first claim each rule flags.
 */
class CorpusParityTest extends VirtuosoParityTest {
    /** 3,000 claims in the normal run (about 100 documents); {@code -Dclaimgraph.parity.claims=10000} for the larger corpus. */
    private static final long CLAIMS = Long.getLong("claimgraph.parity.claims", 3_000);

    private Path dir;
    private ProjectLayout corpus;

    @Override
    ProjectLayout project() {
        if (corpus == null) {
            try {
                dir = Files.createTempDirectory("claimgraph-corpus-parity");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            corpus = new ProjectLayout(new CorpusGenerator(ProjectLayout.locate(), CLAIMS, 17).writeTo(dir.resolve("corpus")).home());
        }
        return corpus;
    }

    @AfterAll
    void deleteCorpus() {
        if (dir != null) CorpusGenerator.deleteTree(dir);
    }

    @Override
    DatasetGraph builtInProcess() {
        return GraphBuild.create().layout(project()).build().asDatasetGraph();
    }

    /** Every named query with its defaults, and with the seed samples' parameters; one document's and one claim's. */
    @Override
    List<QuerySamples.Sample> samples(DatasetGraph inProcess) {
        String firstClaim = first(inProcess, "SELECT ?x WHERE { ?x a <https://w3id.org/claimgraph/ontology#Claim> } ORDER BY ?x LIMIT 1");
        String aDocument = first(inProcess, "SELECT ?x WHERE { <" + firstClaim + "> <https://w3id.org/claimgraph/ontology#statedIn> ?x }");
        List<QuerySamples.Sample> samples = new ArrayList<>(List.of(
                new QuerySamples.Sample("graph-summary", Map.of()),
                new QuerySamples.Sample("claims-per-document", Map.of()),
                new QuerySamples.Sample("claims-per-grade", Map.of()),
                new QuerySamples.Sample("claims-per-mineral", Map.of()),
                new QuerySamples.Sample("claims-per-relation", Map.of()),
                new QuerySamples.Sample("unsupported-claims", Map.of()),
                new QuerySamples.Sample("unsupported-claims", Map.of("document", "<" + aDocument + ">", "includeWeak", "false")),
                new QuerySamples.Sample("claims-by-evidence-type", Map.of()),
                new QuerySamples.Sample("claims-by-evidence-type", Map.of("type", "obo:ECO_0000180", "direction", "cg:Supports")),
                new QuerySamples.Sample("contradicting-claims", Map.of()),
                new QuerySamples.Sample("references-cited", Map.of()),
                new QuerySamples.Sample("doses-vs-upper-limit", Map.of("age", "6")),
                new QuerySamples.Sample("doses-vs-upper-limit", Map.of("exceedingOnly", "true")),
                new QuerySamples.Sample("concept-search", Map.of("text", "magnes")),
                new QuerySamples.Sample("commercial-interest-claims", Map.of("soldOnly", "true")),
                new QuerySamples.Sample("claim-evidence", Map.of("claim", "<" + firstClaim + ">"))));
        // The seed samples that name concepts and references (which the corpus shares), not seed documents or claims.
        samples.addAll(SEED_SAMPLES.stream().filter(s -> s.params().values().stream().noneMatch(v -> v.startsWith("doc:") || v.startsWith("claim:"))).toList());
        return samples;
    }

    /**
     * Queries whose seed samples' parameters the generated corpus need not meet (its documents have 10 to 50
     * claims, so documents-by-unsupported-share's minClaims=85 finds none), or whose shapes it need not hold.
     */
    @Override
    Set<String> mayBeEmpty() {
        return Set.of("mechanism-paths", "contradicting-claims", "outcome-evidence", "bioavailability", "documents-by-unsupported-share");
    }

    @Override
    List<String> claimsToExplain(DatasetGraph inProcess) {
        GraphSource memory = GraphSource.of(inProcess, "in process");
        Set<String> claims = new TreeSet<>();
        for (Rule rule : RuleSet.load(project()).all()) {
            memory.stream(rule.fullScan(), null, rows -> {
                TreeSet<String> flagged = new TreeSet<>();
                rows.forEachRemaining(b -> flagged.add(b.get(Rule.THIS).getURI()));
                if (!flagged.isEmpty()) claims.add(flagged.first());
                return null;
            });
        }
        claims.add(first(inProcess, "SELECT ?x WHERE { ?x a <https://w3id.org/claimgraph/ontology#Claim> } ORDER BY DESC(?x) LIMIT 1"));
        return List.copyOf(claims);
    }

    private static String first(DatasetGraph dsg, String select) {
        Query query = QueryFactory.create(select);
        return GraphSource.of(dsg, "in process").stream(query, null,
                rows -> rows.next().get(Var.alloc("x")).getURI());
    }
}
