package org.w3id.claimgraph.derive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.claimgraph.project.CG;

/**
 * What the derivation runs, read from the ontology graph (grading.ttl and derivation.ttl): the grade
 * scale, the starting-level and recorded-limitation queries, the factors with their conditions, and the
 * CONSTRUCT derivations in rank order. Read once per run; a definition that cannot be used fails with a
 * {@link DerivationException} naming it.
 *
 * @param derivationsBefore CONSTRUCT derivations ranked before the grading (assertions, no evidence found)
 * @param derivationsAfter  CONSTRUCT derivations ranked after it (contradictions)
 */
record Definitions(GradeScale scale, Query lineStart, Query recordedLimitations, List<Factor> factors,
                   List<Named> derivationsBefore, List<Named> derivationsAfter) {
    /** The rank at which grading runs among the derivations of derivation.ttl. */
    static final int GRADING_RANK = 3;

    /** A CONSTRUCT derivation with its IRI, for messages. */
    record Named(Node iri, Query query) {}

    static Definitions read(Graph g) {
        GradeScale scale = scale(g);
        Query start = condition(g, CG.cg("LineStart"), "?line", "?start", "?setAside");
        Query limitations = condition(g, CG.cg("RecordedLimitations"), "?line", "?factor", "?reason");
        List<Factor> factors = new ArrayList<>();
        for (Node factor : subjects(g, RDF.type.asNode(), CG.cg("GradingFactor"))) factors.add(factor(g, factor));
        factors.sort(Comparator.comparingInt(Factor::rank).thenComparing(f -> f.iri().getURI()));
        List<Named> before = new ArrayList<>();
        List<Named> after = new ArrayList<>();
        List<Node> derivations = new ArrayList<>(subjects(g, SKOS.inScheme.asNode(), CG.cg("DerivationScheme")));
        derivations.sort(Comparator.comparingInt((Node d) -> integer(g, d, CG.cg("rank"), 0)).thenComparing(Node::getURI));
        for (Node d : derivations) {
            Node executable = SparqlExecutables.single(g, d, CG.cg("query"));
            if (executable == null) throw new DerivationException(show(d) + ": a derivation needs exactly one cg:query");
            Query query = SparqlExecutables.read(g, executable, SparqlExecutables.CONSTRUCT, show(d));
            if (!query.isConstructType()) throw new DerivationException(show(d) + ": its query must be a CONSTRUCT");
            (integer(g, d, CG.cg("rank"), 0) < GRADING_RANK ? before : after).add(new Named(d, query));
        }
        return new Definitions(scale, start, limitations, List.copyOf(factors), List.copyOf(before), List.copyOf(after));
    }

    private static GradeScale scale(Graph g) {
        Map<Integer, Node> byRank = new HashMap<>();
        Map<Node, String> labels = new HashMap<>();
        for (Node grade : subjects(g, RDF.type.asNode(), CG.cg("Grade"))) {
            int rank = integer(g, grade, CG.cg("rank"), Integer.MIN_VALUE);
            if (rank == Integer.MIN_VALUE) continue;
            byRank.put(rank, grade);
            labels.put(grade, englishLabel(g, grade));
        }
        return new GradeScale(byRank, labels);
    }

    private static Factor factor(Graph g, Node iri) {
        List<Query> line = new ArrayList<>();
        List<Query> claim = new ArrayList<>();
        for (Node executable : SparqlExecutables.objects(g, iri, CG.cg("condition"))) {
            Query q = SparqlExecutables.read(g, executable, SparqlExecutables.SELECT, show(iri));
            requireSelect(iri, q, "?reason");
            if (q.getProjectVars().contains(Var.alloc("assertion"))) claim.add(q);
            else if (q.getProjectVars().contains(Var.alloc("line"))) line.add(q);
            else throw new DerivationException(show(iri) + ": a condition must return ?assertion (claim level) or ?line (line level)");
        }
        int maxChange = integer(g, iri, CG.cg("maxChange"), 0);
        if (maxChange == 0) throw new DerivationException(show(iri) + ": a factor needs a non-zero cg:maxChange");
        return new Factor(iri, integer(g, iri, CG.cg("rank"), Integer.MAX_VALUE), englishLabel(g, iri), maxChange,
                bool(g, iri, CG.cg("coveredByReportedCertainty")), bool(g, iri, CG.cg("setsAsideUnrecordedDisputes")),
                List.copyOf(line), List.copyOf(claim));
    }

    private static Query condition(Graph g, Node owner, String... vars) {
        Node executable = SparqlExecutables.single(g, owner, CG.cg("condition"));
        if (executable == null) throw new DerivationException(show(owner) + ": needs exactly one cg:condition (is ontology/grading.ttl loaded?)");
        Query q = SparqlExecutables.read(g, executable, SparqlExecutables.SELECT, show(owner));
        requireSelect(owner, q, vars);
        return q;
    }

    private static void requireSelect(Node owner, Query q, String... vars) {
        if (!q.isSelectType()) throw new DerivationException(show(owner) + ": a condition must be a SELECT");
        for (String v : vars) {
            if (!q.getProjectVars().contains(Var.alloc(v.substring(1)))) {
                throw new DerivationException(show(owner) + ": a condition must return " + v);
            }
        }
    }

    private static List<Node> subjects(Graph g, Node p, Node o) {
        return g.find(Node.ANY, p, o).mapWith(Triple::getSubject).toList().stream().distinct().toList();
    }

    private static int integer(Graph g, Node s, Node p, int absent) {
        Node v = SparqlExecutables.single(g, s, p);
        return v != null && v.isLiteral() && v.getLiteralValue() instanceof Number n ? n.intValue() : absent;
    }

    private static boolean bool(Graph g, Node s, Node p) {
        Node v = SparqlExecutables.single(g, s, p);
        return v != null && v.isLiteral() && Boolean.TRUE.equals(v.getLiteralValue());
    }

    static String englishLabel(Graph g, Node s) {
        for (Node label : SparqlExecutables.objects(g, s, SKOS.prefLabel.asNode())) {
            if (label.isLiteral() && label.getLiteralLanguage().toLowerCase().startsWith("en")) return label.getLiteralLexicalForm();
        }
        return s.isURI() ? s.getLocalName() : s.toString();
    }

    private static String show(Node n) {
        return n.isURI() ? n.getURI().replace(CG.NS, "cg:") : n.toString();
    }
}
