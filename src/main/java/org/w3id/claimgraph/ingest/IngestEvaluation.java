package org.w3id.claimgraph.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.project.Sha256;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.build.QuoteLocator;
import org.w3id.claimgraph.build.SourceText;

/**
 * Measures candidates against curated claims of the same text. A candidate <em>matches</em> a curated claim
 * when both have the same subject and the same object (IRIs) and the candidate's quote overlaps one of the
 * curated claim's quotes: their code-point ranges [start, end) share at least one code point. Recall is the
 * share of curated claims that some candidate matches; precision the share of candidates that match some
 * curated claim. The stricter figures ("relation too") ask for the curated relation as well. A missed curated
 * claim is put down to the first of: its object is named in none of the units its quotes overlap, counting
 * the words the pipeline reads as naming it ("this mineral", "low magnesium") ({@code object not found}); its
 * subject is neither named there nor the subject of a candidate there, as when the pipeline followed the topic
 * ({@code subject not found}); no relation cue or lead-in stands in those units ({@code no cue}); the pipeline
 * paired the concepts otherwise ({@code paired otherwise}).
 */
public final class IngestEvaluation {
    private static final String CG = Lexicon.CG;
    private static final String OA = "http://www.w3.org/ns/oa#";

    /** A curated claim: its id, subject, relation, object and quote ranges in code points. */
    record Curated(String id, String subject, String relation, String object, List<int[]> spans) {}

    /** The figures for one document. */
    public record DocumentScore(String document, int curated, int recalled, int recalledWithRelation, int candidates,
                                int correct, int correctWithRelation, Map<String, Integer> missesByKind, List<String> missExamples) {
        public double recall() {
            return curated == 0 ? 0 : (double) recalled / curated;
        }

        public double precision() {
            return candidates == 0 ? 0 : (double) correct / candidates;
        }
    }

    private IngestEvaluation() {}

    /** Reads the claims of one claims file (curated or candidates), their quotes anchored in the document's text. */
    static List<Curated> curated(Path claimsFile, String text) {
        Graph g = RDFDataMgr.loadGraph(claimsFile.toString());
        List<Curated> out = new ArrayList<>();
        for (Node claim : g.find(Node.ANY, RDF.type.asNode(), node(CG + "Claim")).mapWith(Triple::getSubject).toList()) {
            List<int[]> spans = new ArrayList<>();
            for (Triple t : g.find(claim, node(CG + "quoted"), Node.ANY).toList()) {
                Node v = t.getObject();
                String exact = v.isLiteral() ? v.getLiteralLexicalForm() : literal(g, v, OA + "exact");
                String prefix = v.isLiteral() ? null : literal(g, v, OA + "prefix");
                String suffix = v.isLiteral() ? null : literal(g, v, OA + "suffix");
                try {
                    QuoteLocator.Anchor a = QuoteLocator.locate(text, exact, prefix, suffix);
                    spans.add(new int[] {a.start(), a.end()});
                } catch (QuoteLocator.NotAnchored e) {
                    throw new InputException(claimsFile + ": " + claim.getURI() + ": " + e.getMessage());
                }
            }
            out.add(new Curated(claim.getURI(), uri(g, claim, "subject"), uri(g, claim, "relation"), uri(g, claim, "object"), spans));
        }
        out.sort(java.util.Comparator.comparing(Curated::id));
        return out;
    }

    /**
     * Scores one document's candidates (as read back from the claims file ingest wrote) against its curated
     * claims; {@code units} is the pipeline's analysis of the text, which the misses are put down to.
     */
    static DocumentScore score(String documentId, String text, List<Curated> candidates, List<Curated> curated,
                               List<UnitAnalysis> units) {
        boolean[] correct = new boolean[candidates.size()];
        boolean[] correctRelation = new boolean[candidates.size()];
        int recalled = 0;
        int withRelation = 0;
        Map<String, Integer> misses = new LinkedHashMap<>();
        for (String kind : KINDS) misses.put(kind, 0);
        List<String> examples = new ArrayList<>();
        for (Curated k : curated) {
            boolean hit = false;
            boolean hitRelation = false;
            for (int i = 0; i < candidates.size(); i++) {
                Curated c = candidates.get(i);
                if (!c.subject().equals(k.subject()) || !c.object().equals(k.object())) continue;
                if (!overlapsAny(c.spans().get(0), k.spans())) continue;
                hit = true;
                correct[i] = true;
                if (c.relation().equals(k.relation())) {
                    hitRelation = true;
                    correctRelation[i] = true;
                }
            }
            if (hit) {
                recalled++;
                if (hitRelation) withRelation++;
            } else {
                String kind = missKind(text, k, units, candidates);
                misses.merge(kind, 1, Integer::sum);
                examples.add(kind + "\t" + shortId(k.id()) + "\t" + local(k.subject()) + " " + local(k.relation()) + " "
                        + local(k.object()) + "\t" + quoteText(text, k.spans().get(0)));
            }
        }
        int correctCount = 0;
        for (boolean b : correct) if (b) correctCount++;
        int correctRelationCount = 0;
        for (boolean b : correctRelation) if (b) correctRelationCount++;
        return new DocumentScore(documentId, curated.size(), recalled, withRelation, candidates.size(), correctCount,
                correctRelationCount, misses, examples);
    }

    private static String missKind(String text, Curated k, List<UnitAnalysis> units, List<Curated> candidates) {
        List<UnitAnalysis> overlapping = new ArrayList<>();
        for (UnitAnalysis u : units) {
            int[] span = {text.codePointCount(0, u.unit().start()), text.codePointCount(0, u.unit().end())};
            if (overlapsAny(span, k.spans())) overlapping.add(u);
        }
        boolean object = false;
        boolean subject = false;
        boolean cue = false;
        for (UnitAnalysis u : overlapping) {
            for (Mention m : u.mentions()) {
                if (m.concept().iri().equals(k.object())) object = true;
                if (m.concept().iri().equals(k.subject())) subject = true;
            }
            if (!u.cues().isEmpty() || u.unit().kind() == TextUnit.Kind.BULLET) cue = true;
        }
        if (!object) return "object not found";
        if (!subject) {
            boolean subjectElsewhere = false;
            for (Curated c : candidates) {
                if (c.subject().equals(k.subject()) && overlapsAny(c.spans().get(0), k.spans())) subjectElsewhere = true;
            }
            if (!subjectElsewhere) return "subject not found";
        }
        if (!cue) return "no cue";
        return "paired otherwise";
    }

    static boolean overlapsAny(int[] span, List<int[]> spans) {
        for (int[] s : spans) if (span[0] < s[1] && s[0] < span[1]) return true;
        return false;
    }

    /**
     * Scores the candidates ingest wrote into {@code ingested} against the curated claims of the document of
     * {@code curatedHome} with the same text (the same SHA-256), shown under the curated document's id.
     */
    public static List<DocumentScore> compare(Path ingested, Path curatedHome, IngestPipeline pipeline) {
        Map<String, DocumentScore> scores = new TreeMap<>();
        try {
            Map<String, String> curatedBySha = new HashMap<>();
            try (Stream<Path> files = Files.list(curatedHome.resolve("seeds/documents"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    curatedBySha.put(Sha256.hex(Files.readAllBytes(f)), f.getFileName().toString().replaceFirst("\\.txt$", ""));
                }
            }
            try (Stream<Path> files = Files.list(ingested.resolve("seeds/documents"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String id = f.getFileName().toString().replaceFirst("\\.txt$", "");
                    byte[] bytes = Files.readAllBytes(f);
                    String curatedId = curatedBySha.get(Sha256.hex(bytes));
                    Path curatedFile = curatedId == null ? null : curatedHome.resolve("seeds/claims").resolve(curatedId + ".ttl");
                    if (curatedFile == null || !Files.isRegularFile(curatedFile)) continue;
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    List<Curated> candidates = curated(ingested.resolve("seeds/claims").resolve(id + ".ttl"), text);
                    scores.put(curatedId, score(curatedId, text, candidates, curated(curatedFile, text), pipeline.analyse(text)));
                }
            }
        } catch (IOException e) {
            throw new InputException(ingested + ": cannot read: " + e.getMessage(), e);
        }
        return List.copyOf(scores.values());
    }

    private static String quoteText(String text, int[] span) {
        int s = text.offsetByCodePoints(0, span[0]);
        int e = text.offsetByCodePoints(0, span[1]);
        String q = text.substring(s, e).replace('\n', ' ');
        return q.length() > 100 ? q.substring(0, 97) + "..." : q;
    }

    private static String shortId(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    private static String local(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        return iri.substring(cut + 1);
    }

    private static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static String literal(Graph g, Node s, String p) {
        List<Triple> t = g.find(s, node(p), Node.ANY).toList();
        return t.isEmpty() ? null : t.get(0).getObject().getLiteralLexicalForm();
    }

    private static String uri(Graph g, Node s, String local) {
        List<Triple> t = g.find(s, node(CG + local), Node.ANY).toList();
        return t.isEmpty() ? null : t.get(0).getObject().getURI();
    }

    /** The kinds of miss, in the order they are tried. */
    public static final List<String> KINDS = List.of("object not found", "subject not found", "no cue", "paired otherwise");
}
