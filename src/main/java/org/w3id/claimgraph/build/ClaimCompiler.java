package org.w3id.claimgraph.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.OA;
import org.w3id.claimgraph.project.BuildProblem;
import org.w3id.claimgraph.project.SourceLines;

/**
 * Turns one document's curated claims (the compact form of seeds/claims/) into the full graph: each
 * {@code cg:quoted} text becomes a Web Annotation anchored in the document, blank nodes get stable
 * IRIs, and the derivable statements (statedIn, evidence and dose types) are added.
 */
final class ClaimCompiler {
    /** Properties the derivation writes (ontology/grading.ttl, derivation.ttl), which claim files may not. */
    static final List<Node> DERIVED = List.of(CG.cg("grade"), CG.cg("gradeRationale"), CG.cg("derivedGrade"),
            CG.cg("gradeDerivation"), CG.cg("assertion"), CG.cg("setAside"), CG.cg("reviewed"));

    private final SourceText document;
    private final Path file;
    private final String shown;
    private final List<BuildProblem> problems;

    ClaimCompiler(SourceText document, Path file, String shown, List<BuildProblem> problems) {
        this.document = document;
        this.file = file;
        this.shown = shown;
        this.problems = problems;
    }

    Graph compile(Graph curated) {
        Node doc = NodeFactory.createURI(CG.documentIri(document.id()));
        Graph work = GraphFactory.createDefaultGraph();
        work.getPrefixMapping().setNsPrefixes(curated.getPrefixMapping());
        List<Triple> quotedTriples = curated.find(Node.ANY, CG.quoted, Node.ANY).toList();
        List<Node> hintNodes = new ArrayList<>();
        for (Triple t : quotedTriples) {
            if (t.getObject().isBlank()) hintNodes.add(t.getObject());
        }
        curated.find().forEachRemaining(t -> {
            boolean isQuoted = t.getPredicate().equals(CG.quoted);
            boolean isHint = hintNodes.contains(t.getSubject());
            if (!isQuoted && !isHint) work.add(t);
        });

        List<Node> claims = curated.find(Node.ANY, RDF.type.asNode(), CG.Claim).mapWith(Triple::getSubject).toList();
        for (Node claim : claims) {
            if (!claim.isURI()) {
                problems.add(BuildProblem.inFile(shown, "a claim must have an IRI, not a blank node"));
                continue;
            }
            String expectedPrefix = CG.claimIri(document.number() + "-");
            if (!claim.getURI().startsWith(expectedPrefix)) {
                problems.add(problem(claim, "claim IRIs in this file must start with " + expectedPrefix));
            }
            work.add(Triple.create(claim, CG.statedIn, doc));
        }
        for (Node property : DERIVED) {
            for (Triple t : curated.find(Node.ANY, property, Node.ANY).toList()) {
                problems.add(problem(t.getSubject(), derivedMessage(property)));
            }
        }
        for (Triple t : quotedTriples) {
            if (!claims.contains(t.getSubject())) {
                problems.add(problem(t.getSubject(), "cg:quoted on a resource that is not typed cg:Claim"));
            }
        }
        for (Node claim : claims) {
            anchorQuotes(claim, doc, curated, work);
        }

        Graph named = Skolemizer.skolemize(work, shown, problems);
        addDerivedTypes(named, CG.evidence, CG.Evidence);
        addDerivedTypes(named, CG.statedDose, CG.StatedDose);
        addDerivedTypes(named, CG.cg("review"), CG.cg("LiteratureReview"));
        return named;
    }

    private void anchorQuotes(Node claim, Node doc, Graph curated, Graph out) {
        List<QuoteLocator.Anchor> anchors = new ArrayList<>();
        for (Triple t : curated.find(claim, CG.quoted, Node.ANY).toList()) {
            Node value = t.getObject();
            String exact;
            String prefixHint = null;
            String suffixHint = null;
            if (value.isLiteral()) {
                exact = value.getLiteralLexicalForm();
            } else if (value.isBlank()) {
                exact = literal(curated, value, OA.exact);
                prefixHint = literal(curated, value, OA.prefix);
                suffixHint = literal(curated, value, OA.suffix);
                if (exact == null) {
                    problems.add(problem(claim, "a cg:quoted node needs exactly one oa:exact string"));
                    continue;
                }
            } else {
                problems.add(problem(claim, "cg:quoted must be a string or a node with oa:exact, not " + value));
                continue;
            }
            try {
                anchors.add(QuoteLocator.locate(document.text(), exact, prefixHint, suffixHint));
            } catch (QuoteLocator.NotAnchored e) {
                String needle = exact.length() > 40 ? exact.substring(0, 40) : exact;
                BuildProblem problem = BuildProblem.forNode(shown, claim.getURI(), e.getMessage() + " (document " + document.id() + ")");
                long[] quoted = SourceLines.find(file, "\"" + needle, needle);
                problems.add(quoted != null ? problem.withLine(quoted[0], quoted[1])
                        : SourceLines.locateClaim(problem, file, CG.shortId(claim.getURI())));
            }
        }
        if (anchors.isEmpty()) {
            if (!curated.contains(claim, CG.quoted, Node.ANY)) {
                problems.add(problem(claim, "the claim has no cg:quoted text"));
            }
            return;
        }
        anchors.sort(Comparator.comparingInt(QuoteLocator.Anchor::start));
        for (int i = 0; i < anchors.size(); i++) {
            QuoteLocator.Anchor a = anchors.get(i);
            String base = claim.getURI() + "/quote/" + (i + 1);
            Node quote = NodeFactory.createURI(base);
            Node textQuote = NodeFactory.createURI(base + "/text-quote");
            Node position = NodeFactory.createURI(base + "/text-position");
            out.add(Triple.create(claim, CG.quote, quote));
            out.add(Triple.create(quote, RDF.type.asNode(), OA.SpecificResource));
            out.add(Triple.create(quote, OA.hasSource, doc));
            out.add(Triple.create(quote, OA.hasSelector, textQuote));
            out.add(Triple.create(quote, OA.hasSelector, position));
            out.add(Triple.create(textQuote, RDF.type.asNode(), OA.TextQuoteSelector));
            out.add(Triple.create(textQuote, OA.exact, NodeFactory.createLiteralString(a.exact())));
            out.add(Triple.create(textQuote, OA.prefix, NodeFactory.createLiteralString(a.prefix())));
            out.add(Triple.create(textQuote, OA.suffix, NodeFactory.createLiteralString(a.suffix())));
            out.add(Triple.create(position, RDF.type.asNode(), OA.TextPositionSelector));
            out.add(Triple.create(position, OA.start, nonNegative(a.start())));
            out.add(Triple.create(position, OA.end, nonNegative(a.end())));
        }
    }

    /** Why a derived property may not be written by hand, and what to write instead. */
    static String derivedMessage(Node property) {
        return property.getLocalName() + " is derived by the build, not curated"
                + (property.equals(CG.cg("grade")) || property.equals(CG.cg("gradeRationale"))
                        ? ": the grade follows from the evidence; to set it by hand write cg:curatorGrade with cg:overrideReason"
                        : "");
    }

    private static void addDerivedTypes(Graph g, Node property, Node type) {
        for (Node o : g.find(Node.ANY, property, Node.ANY).mapWith(Triple::getObject).toList()) {
            if (!o.isLiteral()) g.add(Triple.create(o, RDF.type.asNode(), type));
        }
    }

    private static String literal(Graph g, Node s, Node p) {
        List<Triple> found = g.find(s, p, Node.ANY).toList();
        if (found.size() != 1 || !found.get(0).getObject().isLiteral()) return null;
        return found.get(0).getObject().getLiteralLexicalForm();
    }

    private static Node nonNegative(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDnonNegativeInteger);
    }

    private BuildProblem problem(Node node, String message) {
        BuildProblem p = BuildProblem.forNode(shown, node.isURI() ? node.getURI() : node.toString(), message);
        return node.isURI() ? SourceLines.locateClaim(p, file, CG.shortId(node.getURI()), node.getURI()) : p;
    }
}
