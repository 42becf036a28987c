package org.w3id.claimgraph.validate;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.rules.Rule;

/**
 * The report as a W3C SHACL validation report (sh:ValidationReport with one sh:ValidationResult per
 * finding, its focus node, severity, message, value (the focus node when the rule points at nothing else, as
 * SHACL's SPARQL constraints default it) and source shape, which is the rule), whichever
 * engine ran. sh:conforms is true when there are no results at all, as SHACL defines it. Each focus node
 * (a claim) also carries what the build derived for it, with the derived graph's own properties:
 * cg:grade, cg:derivedGrade, cg:reviewed, and the override's cg:curatorGrade.
 */
public final class TurtleReportWriter implements ReportWriter {
    private static final String SH = "http://www.w3.org/ns/shacl#";

    @Override
    public void write(Report report, PrintStream out) {
        RDFDataMgr.write(out, graph(report), RDFFormat.TURTLE_PRETTY);
        out.flush();
    }

    /** The report as a SHACL validation report graph. */
    public static Graph graph(Report report) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sh", SH);
        g.getPrefixMapping().setNsPrefix("cg", CG.NS);
        g.getPrefixMapping().setNsPrefix("cgr", "https://w3id.org/claimgraph/rules#");
        g.getPrefixMapping().setNsPrefix("claim", CG.ID + "claim/");
        g.getPrefixMapping().setNsPrefix("doc", CG.ID + "document/");
        g.getPrefixMapping().setNsPrefix("xsd", XSDDatatype.XSD + "#");
        triples(report, g::add);
        return g;
    }

    /**
     * Sends the triples of the report's SHACL validation report graph, each once, without building the graph (the
     * build stores the report of every finding of a large dataset).
     */
    public static void triples(Report report, Consumer<Triple> out) {
        Map<String, Rule> rules = new HashMap<>();
        report.rulesRun().forEach(r -> rules.putIfAbsent(r.id(), r));
        Set<String> gradedClaims = new HashSet<>();
        // Blank nodes labelled by what they say, so that the report of the same findings is the same triples: a
        // checked write, which stores the report again, then changes only the results that changed.
        Node reportNode = NodeFactory.createBlankNode("validation-report");
        out.accept(Triple.create(reportNode, RDF.type.asNode(), sh("ValidationReport")));
        out.accept(Triple.create(reportNode, sh("conforms"), NodeFactory.createLiteralDT(
                Boolean.toString(report.findings().isEmpty()), XSDDatatype.XSDboolean)));
        for (Finding f : report.findings()) {
            Rule rule = rules.get(f.rule());
            if (rule == null) throw new IllegalArgumentException("a finding of a rule that did not run: " + f.rule());
            Node claim = NodeFactory.createURI(f.claim());
            Node value = f.value() != null ? f.value() : claim;
            Node result = NodeFactory.createBlankNode("result-" + sha1(f.claim(), rule.iri().toString(), FmtUtils.stringForNode(value), f.message()));
            out.accept(Triple.create(reportNode, sh("result"), result));
            out.accept(Triple.create(result, RDF.type.asNode(), sh("ValidationResult")));
            out.accept(Triple.create(result, sh("focusNode"), claim));
            out.accept(Triple.create(result, sh("resultSeverity"), f.severity().iri()));
            out.accept(Triple.create(result, sh("sourceShape"), rule.iri()));
            out.accept(Triple.create(result, sh("sourceConstraintComponent"), sh("SPARQLConstraintComponent")));
            out.accept(Triple.create(result, sh("resultMessage"), NodeFactory.createLiteralString(f.message())));
            // Every result names its value node: what the rule points at, else (as SHACL falls back) the focus node.
            out.accept(Triple.create(result, sh("value"), value));
            if (!gradedClaims.add(f.claim())) continue;
            Grading grading = f.grading();
            if (grading.grade() != null) out.accept(Triple.create(claim, CG.cg("grade"), grading.grade()));
            if (grading.derivedGrade() != null) out.accept(Triple.create(claim, CG.cg("derivedGrade"), grading.derivedGrade()));
            if (grading.curatorGrade() != null) out.accept(Triple.create(claim, CG.cg("curatorGrade"), grading.curatorGrade()));
            if (grading.reviewed() != null) out.accept(Triple.create(claim, CG.cg("reviewed"),
                    NodeFactory.createLiteralDT(grading.reviewed().toString(), XSDDatatype.XSDboolean)));
        }
    }

    private static String sha1(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Node sh(String local) {
        return NodeFactory.createURI(SH + local);
    }
}
