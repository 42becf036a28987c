package org.w3id.claimgraph.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.project.InputException;

/**
 * Reads a document's claims back from its claims graph (as built, or as a curator left it on the review page)
 * into {@link Candidate} records, so that {@link CompactClaimWriter} writes an accepted document in the compact
 * claim format of seeds/claims/: what each claim says, its quotes (with the hints they need in the document's
 * text), hedging, negation, qualifiers, quantities, doses and evidence lines. Rejected claims are left out; a
 * document that still has candidates is refused, since it is not reviewed yet.
 */
public final class ClaimRecords {
    private static final String CG = Lexicon.CG;
    private static final String OA = "http://www.w3.org/ns/oa#";

    private ClaimRecords() {}

    /** The accepted claims of {@code documentIri} in {@code graph}, in the order of their ids. */
    public static List<Candidate> accepted(Graph graph, String documentIri, String text) {
        List<Node> claims = graph.find(Node.ANY, p("statedIn"), NodeFactory.createURI(documentIri)).mapWith(Triple::getSubject)
                .toList().stream().filter(c -> graph.contains(c, RDF.type.asNode(), p("Claim")))
                .sorted(Comparator.comparing(Node::getURI)).toList();
        if (claims.isEmpty()) throw new InputException(documentIri + ": no claims of this document in the graph");
        long pending = claims.stream().filter(c -> graph.contains(c, p("status"), p("Candidate"))).count();
        if (pending > 0) {
            throw new InputException(documentIri + ": " + pending + " claim(s) are still candidates; accept, correct or reject "
                    + "them on the review page (/review) before the document is exported as curated claims");
        }
        List<Candidate> out = new ArrayList<>();
        for (Node c : claims) {
            if (graph.contains(c, p("status"), p("Rejected"))) continue;
            out.add(record(graph, c, text));
        }
        return out;
    }

    private static Candidate record(Graph g, Node c, String text) {
        List<Candidate.Quote> quotes = new ArrayList<>();
        for (Node q : objects(g, c, p("quote"))) {
            for (Node selector : objects(g, q, NodeFactory.createURI(OA + "hasSelector"))) {
                Node start = one(g, selector, NodeFactory.createURI(OA + "start"));
                Node end = one(g, selector, NodeFactory.createURI(OA + "end"));
                if (start == null || end == null) continue;
                int from = text.offsetByCodePoints(0, ((Number) start.getLiteralValue()).intValue());
                int to = text.offsetByCodePoints(0, ((Number) end.getLiteralValue()).intValue());
                quotes.add(QuoteHints.quote(text, from, to));
            }
        }
        quotes.sort(Comparator.comparingInt(Candidate.Quote::start));
        List<Candidate.Evidence> evidence = new ArrayList<>();
        for (Node e : objects(g, c, p("evidence"))) {
            Node eco = objects(g, e, RDF.type.asNode()).stream().filter(t -> t.isURI() && t.getURI().startsWith("http://purl.obolibrary.org/obo/ECO_"))
                    .findFirst().orElseThrow(() -> new InputException(c.getURI() + ": an evidence line without an ECO class"));
            evidence.add(new Candidate.Evidence(eco.getURI(), uri(g, e, "citationKind"), uri(g, e, "direction"), uri(g, e, "reference"), string(g, e, "note")));
        }
        evidence.sort(Comparator.comparing(Candidate.Evidence::ecoClass).thenComparing(e -> e.reference() == null ? "" : e.reference()));
        List<Candidate.StatedDose> doses = new ArrayList<>();
        for (Node d : objects(g, c, p("statedDose"))) {
            doses.add(new Candidate.StatedDose(uri(g, d, "doseOf"), decimal(g, d, "minAmountMgPerDay"), decimal(g, d, "maxAmountMgPerDay"),
                    uri(g, d, "intakeScope"), "true".equals(lexical(g, d, "elemental"))));
        }
        List<Candidate.Quantity> quantities = new ArrayList<>();
        for (Node q : objects(g, c, p("quantity"))) {
            if (g.contains(q, RDF.type.asNode(), p("FoldChange"))) {
                quantities.add(new Candidate.FoldChange(decimal(g, q, "minValue"), decimal(g, q, "maxValue")));
            } else if (g.contains(q, RDF.type.asNode(), p("Ratio"))) {
                quantities.add(new Candidate.Ratio(uri(g, q, "numeratorConcept"), uri(g, q, "denominatorConcept"),
                        decimal(g, q, "numeratorValue"), decimal(g, q, "denominatorValue")));
            } else if (g.contains(q, RDF.type.asNode(), p("TimeToEffect"))) {
                quantities.add(new Candidate.TimeToEffect(decimal(g, q, "minValue"), decimal(g, q, "maxValue"), uri(g, q, "unit")));
            } else {
                throw new InputException(c.getURI() + ": a quantity of a kind the compact format does not know");
            }
        }
        List<String> qualifiers = objects(g, c, p("qualifier")).stream().map(Node::getLiteralLexicalForm).sorted().toList();
        String id = c.getURI().substring(c.getURI().lastIndexOf('/') + 1);
        return new Candidate(id, uri(g, c, "subject"), uri(g, c, "relation"), uri(g, c, "object"), quotes,
                "true".equals(lexical(g, c, "hedged")), "true".equals(lexical(g, c, "negated")), "true".equals(lexical(g, c, "direct")),
                uri(g, c, "population"), uri(g, c, "form"), uri(g, c, "route"), qualifiers, quantities, doses, evidence,
                uri(g, c, "curatorGrade"), string(g, c, "overrideReason"), Candidate.Status.ACCEPTED);
    }

    private static Node p(String local) {
        return NodeFactory.createURI(CG + local);
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    private static Node one(Graph g, Node s, Node p) {
        List<Node> all = objects(g, s, p);
        return all.isEmpty() ? null : all.get(0);
    }

    private static String uri(Graph g, Node s, String local) {
        Node o = one(g, s, p(local));
        return o != null && o.isURI() ? o.getURI() : null;
    }

    private static String lexical(Graph g, Node s, String local) {
        Node o = one(g, s, p(local));
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    private static String string(Graph g, Node s, String local) {
        return lexical(g, s, local);
    }

    private static BigDecimal decimal(Graph g, Node s, String local) {
        String v = lexical(g, s, local);
        return v == null ? null : new BigDecimal(v);
    }
}
