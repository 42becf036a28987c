package org.w3id.claimgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.load.ProjectLayout;

/**
 * The seed texts ingested afresh (files written, the home built and checked) against the curated claims.
 * The target is 70 % recall; these floors pin what the lexicons reach today so that a change that
 * loses recall or precision fails (BENCHMARKS.md has the figures per document).
 */
class IngestQualityTest {
    @TempDir
    Path work;

    @Test
    void seedTextsIngestedAfreshRecallTheCuratedClaims() throws IOException {
        IngestBenchmark bench = new IngestBenchmark(ProjectLayout.locate(), 0, work);
        IngestBenchmark.Quality q = bench.quality();
        assertEquals(5, q.scores().size());
        assertEquals(467, q.curated());
        double recall = (double) q.recalled() / q.curated();
        double precision = (double) q.correct() / q.candidates();
        assertTrue(recall >= 0.53, "recall " + recall);
        assertTrue(precision >= 0.30, "precision " + precision);
    }

    @Test
    void everyRelationCueNamesARelationOfTheScheme() {
        ProjectLayout repo = ProjectLayout.locate();
        Lexicon lexicon = Lexicon.load(Ingest.lexiconDir(repo));
        org.apache.jena.graph.Graph vocab = org.apache.jena.riot.RDFDataMgr.loadGraph(repo.ontologyDir().resolve("vocabularies.ttl").toString());
        Node relationClass = NodeFactory.createURI(Lexicon.CG + "Relation");
        java.util.Set<String> relations = new java.util.HashSet<>();
        vocab.find(Node.ANY, RDF.type.asNode(), relationClass).mapWith(Triple::getSubject).forEachRemaining(n -> relations.add(n.getURI()));
        java.util.List<Token> all = Tokenizer.tokenize("x");
        assertTrue(lexicon.relations.size() > 100);
        org.apache.jena.graph.Graph lex = org.apache.jena.graph.Factory.createDefaultGraph();
        try (var files = java.nio.file.Files.list(Ingest.lexiconDir(repo))) {
            files.filter(p -> p.toString().endsWith(".ttl")).forEach(p -> org.apache.jena.riot.RDFDataMgr.read(lex, p.toString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String property : java.util.List.of("relation", "outcomeRelation")) {
            lex.find(Node.ANY, NodeFactory.createURI(Lexicon.LEX + property), Node.ANY).forEachRemaining(t ->
                    assertTrue(relations.contains(t.getObject().getURI()), t.getSubject() + " names " + t.getObject()));
        }
        assertEquals(1, all.size());
    }
}
