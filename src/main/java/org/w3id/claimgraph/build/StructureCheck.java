package org.w3id.claimgraph.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.BuildProblem;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.SourceLines;

/**
 * Checks the assembled graph against the structural SHACL shapes (ontology/shapes.ttl) and turns each
 * violation into a problem that names the file the offending node was curated in.
 */
final class StructureCheck {
    private StructureCheck() {}

    static List<BuildProblem> check(Graph shapesGraph, Graph data, Map<Node, java.nio.file.Path> origins,
            PrefixMapping prefixes, ProjectLayout layout) {
        Shapes shapes = Shapes.parse(shapesGraph);
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<BuildProblem> problems = new ArrayList<>();
        addProblems(report, origins, prefixes, layout, problems);
        return problems;
    }

    /**
     * Checks only the given focus nodes of {@code data}, each against the shapes that target it: the streaming
     * build checks one document's nodes at a time, with the shared graphs in {@code data}.
     */
    static void checkNodes(ShapeTargets targets, Graph data, SuperClasses superClasses, Iterable<Node> nodes,
            Map<Node, java.nio.file.Path> origins, PrefixMapping prefixes, ProjectLayout layout, List<BuildProblem> problems) {
        addProblems(validateNodes(targets, data, superClasses, nodes), origins, prefixes, layout, problems);
    }

    /**
     * Jena's validation of each node against the shapes that target it, in one report: the entries, in their
     * order, of Jena's validation of each node on its own, without every shape searching the data for each node.
     */
    static ValidationReport validateNodes(ShapeTargets targets, Graph data, SuperClasses superClasses, Iterable<Node> nodes) {
        ValidationContext context = ValidationContext.create(targets.shapes(), data);
        for (Node node : nodes) {
            for (Shape shape : targets.targeting(node, data, superClasses)) VLib.validateShape(context, data, shape, node);
        }
        return context.generateReport();
    }

    private static void addProblems(ValidationReport report, Map<Node, java.nio.file.Path> origins,
            PrefixMapping prefixes, ProjectLayout layout, List<BuildProblem> problems) {
        for (ReportEntry entry : report.getEntries()) {
            if (entry.severity() != Severity.Violation) continue;
            Node focus = entry.focusNode();
            String path = entry.resultPath() == null ? "" : entry.resultPath().toString(new org.apache.jena.sparql.core.Prologue(prefixes)) + ": ";
            String message = path + entry.message();
            if (entry.value() != null && !message.contains(entry.value().toString())) {
                message += " (value " + (entry.value().isURI() ? prefixes.shortForm(entry.value().getURI()) : entry.value()) + ")";
            }
            java.nio.file.Path file = originOf(focus, origins);
            String nodeName = focus.isURI() ? focus.getURI() : focus.toString();
            BuildProblem problem = BuildProblem.forNode(file == null ? null : layout.display(file), nodeName, message);
            problems.add(file == null ? problem : SourceLines.locate(problem, file, needles(origins, focus)));
        }
    }

    /** How the node (or the curated node it was minted below) is most likely written in its file. */
    private static String[] needles(Map<Node, java.nio.file.Path> origins, Node focus) {
        if (!focus.isURI() || !focus.getURI().startsWith(CG.ID)) return new String[0];
        String[] parts = focus.getURI().substring(CG.ID.length()).split("/");
        if (parts.length < 2) return new String[] {focus.getURI()};
        String kind = parts[0].equals("document") ? "doc" : parts[0];
        return new String[] {kind + ":" + parts[1] + " ", kind + ":" + parts[1], CG.ID + parts[0] + "/" + parts[1]};
    }

    /** The file a node came from; nodes minted below a claim (quotes, evidence) belong to the claim's file. */
    private static java.nio.file.Path originOf(Node focus, Map<Node, java.nio.file.Path> origins) {
        java.nio.file.Path direct = origins.get(focus);
        if (direct != null || !focus.isURI()) return direct;
        String iri = focus.getURI();
        for (int slash = iri.lastIndexOf('/'); slash > CG.ID.length(); slash = iri.lastIndexOf('/', slash - 1)) {
            java.nio.file.Path owner = origins.get(org.apache.jena.graph.NodeFactory.createURI(iri.substring(0, slash)));
            if (owner != null) return owner;
        }
        return null;
    }
}
