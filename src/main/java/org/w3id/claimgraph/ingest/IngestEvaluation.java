package org.w3id.claimgraph.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.load.InputException;
import org.w3id.claimgraph.load.QuoteLocator;

/**
 * Measures candidates against curated claims of the same text. A candidate <em>matches</em> a curated claim
 * when both have the same subject and the same object (IRIs) and the candidate's quote overlaps one of the
 * curated claim's quotes: their code-point ranges [start, end) share at least one code point. Recall is the
 * share of curated claims that some candidate matches; precision the share of candidates that match some
 * curated claim. A missed curated claim is put down to the first of: its object is named in none of the
 * units its quotes overlap ({@code object not found}); its subject is neither named there nor the topic the
 * pipeline followed ({@code subject not found}); no relation cue or lead-in stands in those units ({@code no
 * cue}); the pipeline paired the concepts otherwise ({@code paired otherwise}).
 */
public final class IngestEvaluation {
    private static final String CG = Lexicon.CG;
    private static final String OA = "http://www.w3.org/ns/oa#";

    /** A curated claim: its id, subject, relation, object and quote ranges in code points. */
    record Curated(String id, String subject, String relation, String object, List<int[]> spans) {}

    /** The figures for one document. */
    public record DocumentScore(String document, int curated, int recalled, int recalledWithRelation, int candidates,
                                int correct, Map<String, Integer> missesByKind, List<String> missExamples) {
        public double recall() {
            return curated == 0 ? 0 : (double) recalled / curated;
        }

        public double precision() {
            return candidates == 0 ? 0 : (double) correct / candidates;
        }
    }

    private IngestEvaluation() {}

    /** Reads the curated claims of one claims file, anchored in the document's text. */
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

    /** Scores one document: runs the pipeline on its text and compares with its curated claims. */
    static DocumentScore score(String documentId, String text, List<Curated> curated, IngestPipeline pipeline) {
        String number = documentId.contains("_") ? documentId.substring(0, documentId.indexOf('_')) : documentId;
        IngestPipeline.Result result = pipeline.run(number, text);
        List<UnitAnalysis> units = pipeline.analyse(text);
        List<int[]> candidateSpans = new ArrayList<>();
        for (Candidate c : result.candidates()) {
            Candidate.Quote q = c.quotes().get(0);
            candidateSpans.add(new int[] {text.codePointCount(0, q.start()), text.codePointCount(0, q.end())});
        }
        boolean[] correct = new boolean[result.candidates().size()];
        int recalled = 0;
        int withRelation = 0;
        Map<String, Integer> misses = new LinkedHashMap<>();
        for (String kind : List.of("object not found", "subject not found", "no cue", "paired otherwise")) misses.put(kind, 0);
        List<String> examples = new ArrayList<>();
        for (Curated k : curated) {
            boolean hit = false;
            boolean hitRelation = false;
            for (int i = 0; i < result.candidates().size(); i++) {
                Candidate c = result.candidates().get(i);
                if (!c.subject().equals(k.subject()) || !c.object().equals(k.object())) continue;
                if (!overlapsAny(candidateSpans.get(i), k.spans())) continue;
                hit = true;
                correct[i] = true;
                if (c.relation().equals(k.relation())) hitRelation = true;
            }
            if (hit) {
                recalled++;
                if (hitRelation) withRelation++;
            } else {
                String kind = missKind(text, k, units, result.candidates(), candidateSpans);
                misses.merge(kind, 1, Integer::sum);
                examples.add(kind + "\t" + shortId(k.id()) + "\t" + local(k.subject()) + " " + local(k.relation()) + " "
                        + local(k.object()) + "\t" + quoteText(text, k.spans().get(0)));
            }
        }
        int correctCount = 0;
        for (boolean b : correct) if (b) correctCount++;
        return new DocumentScore(documentId, curated.size(), recalled, withRelation, result.candidates().size(), correctCount,
                misses, examples);
    }

    private static String missKind(String text, Curated k, List<UnitAnalysis> units, List<Candidate> candidates, List<int[]> candidateSpans) {
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
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).subject().equals(k.subject()) && overlapsAny(candidateSpans.get(i), k.spans())) subjectElsewhere = true;
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

    /** Scores every document of a project home that has a claims file. */
    public static List<DocumentScore> scoreHome(Path home, IngestPipeline pipeline) {
        Path documents = home.resolve("seeds/documents");
        Path claims = home.resolve("seeds/claims");
        Map<String, DocumentScore> scores = new TreeMap<>();
        try (Stream<Path> files = Files.list(claims)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                String id = f.getFileName().toString().replaceFirst("\\.ttl$", "");
                String text = Files.readString(documents.resolve(id + ".txt"), StandardCharsets.UTF_8);
                scores.put(id, score(id, text, curated(f, text), pipeline));
            }
        } catch (IOException e) {
            throw new InputException(claims + ": cannot read: " + e.getMessage(), e);
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

    static Set<String> kinds() {
        return Set.of("object not found", "subject not found", "no cue", "paired otherwise");
    }
}
