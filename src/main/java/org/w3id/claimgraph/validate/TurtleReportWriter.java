package org.w3id.claimgraph.validate;

import java.io.PrintStream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
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

    static Graph graph(Report report) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sh", SH);
        g.getPrefixMapping().setNsPrefix("cg", CG.NS);
        g.getPrefixMapping().setNsPrefix("cgr", "https://w3id.org/claimgraph/rules#");
        g.getPrefixMapping().setNsPrefix("claim", CG.ID + "claim/");
        g.getPrefixMapping().setNsPrefix("doc", CG.ID + "document/");
        g.getPrefixMapping().setNsPrefix("xsd", XSDDatatype.XSD + "#");
        Node reportNode = NodeFactory.createBlankNode();
        g.add(Triple.create(reportNode, RDF.type.asNode(), sh("ValidationReport")));
        g.add(Triple.create(reportNode, sh("conforms"), NodeFactory.createLiteralDT(
                Boolean.toString(report.findings().isEmpty()), XSDDatatype.XSDboolean)));
        for (Finding f : report.findings()) {
            Node result = NodeFactory.createBlankNode();
            Rule rule = report.rulesRun().stream().filter(r -> r.id().equals(f.rule())).findFirst().orElseThrow();
            g.add(Triple.create(reportNode, sh("result"), result));
            g.add(Triple.create(result, RDF.type.asNode(), sh("ValidationResult")));
            g.add(Triple.create(result, sh("focusNode"), NodeFactory.createURI(f.claim())));
            g.add(Triple.create(result, sh("resultSeverity"), f.severity().iri()));
            g.add(Triple.create(result, sh("sourceShape"), rule.iri()));
            g.add(Triple.create(result, sh("sourceConstraintComponent"), sh("SPARQLConstraintComponent")));
            g.add(Triple.create(result, sh("resultMessage"), NodeFactory.createLiteralString(f.message())));
            // Every result names its value node: what the rule points at, else (as SHACL falls back) the focus node.
            g.add(Triple.create(result, sh("value"), f.value() != null ? f.value() : NodeFactory.createURI(f.claim())));
            Node claim = NodeFactory.createURI(f.claim());
            Grading grading = f.grading();
            if (grading.grade() != null) g.add(Triple.create(claim, CG.cg("grade"), grading.grade()));
            if (grading.derivedGrade() != null) g.add(Triple.create(claim, CG.cg("derivedGrade"), grading.derivedGrade()));
            if (grading.curatorGrade() != null) g.add(Triple.create(claim, CG.cg("curatorGrade"), grading.curatorGrade()));
            if (grading.reviewed() != null) g.add(Triple.create(claim, CG.cg("reviewed"),
                    NodeFactory.createLiteralDT(grading.reviewed().toString(), XSDDatatype.XSDboolean)));
        }
        return g;
    }

    private static Node sh(String local) {
        return NodeFactory.createURI(SH + local);
    }
}
