package org.w3id.claimgraph.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.derive.Derivation;
import org.w3id.claimgraph.derive.DerivationException;
import org.w3id.claimgraph.query.UnionDefaultGraph;
import org.w3id.claimgraph.vocab.GraphNames;

/**
 * The only way data changes on a running server. A write is applied to an in-memory copy of the dataset;
 * the derivation runs again on the copy (grades, assertions and contradictions follow the change; a write to
 * the derived graph itself is refused), and the copy is checked against the SHACL shapes the server started with (the graph
 * {@link GraphNames#SHAPES}, from ontology/shapes.ttl), and only if it conforms are the differences
 * written to the served dataset, in one write transaction. A rejected write never opens a write
 * transaction on the served dataset, so nothing is ever aborted there (TDB2 in Jena 5.6 can corrupt its
 * node table after an aborted write, apache/jena GH-3877), and readers see the data before or after a
 * write, never a part of one. Writes are serialised.
 *
 * <p>Copying is linear in the size of the dataset: right for a curated graph of thousands to some hundred
 * thousand quads and the occasional curation write, not for bulk loading (use {@code load --tdb}).
 */
final class CheckedWrites {
    private static final Node SHAPES_GRAPH = NodeFactory.createURI(GraphNames.SHAPES);
    private static final Node DERIVED_GRAPH = NodeFactory.createURI(GraphNames.DERIVED);

    private final DatasetGraph base;
    private final Shapes shapes;
    private final PrefixMapping prefixes;

    /** @param base the served dataset itself (named graphs; not a union view) */
    CheckedWrites(DatasetGraph base) {
        this.base = base;
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        this.prefixes = new PrefixMappingImpl();
        Txn.executeRead(base, () -> {
            base.getGraph(SHAPES_GRAPH).find().forEachRemaining(shapesGraph::add);
            prefixes.setNsPrefixes(base.prefixes().getMapping());
        });
        if (shapesGraph.isEmpty()) {
            throw new IllegalStateException("the dataset has no shapes graph <" + GraphNames.SHAPES
                    + ">: writes cannot be checked, so they cannot be enabled");
        }
        this.shapes = Shapes.parse(shapesGraph);
    }

    /**
     * Applies {@code change} to a copy of the data (through a view with the union default graph), and
     * writes the result only if it conforms to the shapes. Exceptions from {@code change} (a failing
     * update, a write to the default graph) propagate, and nothing is written.
     */
    synchronized WriteOutcome apply(Consumer<DatasetGraph> change) {
        DatasetGraph copy = copyOf(base);
        DatasetGraph view = new WriteView(UnionDefaultGraph.wrap(copy));
        Txn.executeWrite(copy, () -> change.accept(view));
        if (changed(base, copy, DERIVED_GRAPH)) {
            return WriteOutcome.rejected("The write was rejected: the graph <" + GraphNames.DERIVED + "> is derived from the"
                    + " others (grades, assertions, contradictions) and recomputed after every write; write the curated data"
                    + " instead (a grade by hand is cg:curatorGrade with cg:overrideReason on the claim). Nothing was changed.");
        }
        try {
            Derivation.run(copy);
        } catch (DerivationException e) {
            return WriteOutcome.rejected("The write was rejected: the derivation cannot run on the result: " + e.getMessage()
                    + " Nothing was changed.");
        }

        List<Quad> added = new ArrayList<>();
        List<Quad> removed = new ArrayList<>();
        Txn.executeRead(base, () -> Txn.executeRead(copy, () -> {
            copy.find().forEachRemaining(q -> { if (!base.contains(q)) added.add(q); });
            base.find().forEachRemaining(q -> { if (!copy.contains(q)) removed.add(q); });
        }));
        if (added.isEmpty() && removed.isEmpty()) return WriteOutcome.applied(0, 0);

        if (touches(added, removed, SHAPES_GRAPH)) {
            return WriteOutcome.rejected("The write was rejected: the shapes graph <" + GraphNames.SHAPES
                    + "> is fixed while the server runs (edit ontology/shapes.ttl and reload). Nothing was changed.");
        }
        if (added.stream().anyMatch(Quad::isDefaultGraph) || removed.stream().anyMatch(Quad::isDefaultGraph)) {
            throw new WriteView.DefaultGraphWrite();
        }

        ValidationReport report = Txn.calculateRead(copy, () -> ShaclValidator.get().validate(shapes, dataGraph(copy)));
        List<ReportEntry> violations = report.getEntries().stream()
                .filter(e -> e.severity() == Severity.Violation).toList();
        if (!violations.isEmpty()) return WriteOutcome.rejected(describe(violations, report));

        Txn.executeWrite(base, () -> {
            removed.forEach(base::delete);
            added.forEach(base::add);
        });
        return WriteOutcome.applied(added.size(), removed.size());
    }

    /** Whether a graph differs between the served dataset and the copy. */
    private static boolean changed(DatasetGraph base, DatasetGraph copy, Node graph) {
        return Txn.calculateRead(base, () -> Txn.calculateRead(copy, () -> {
            Graph before = base.getGraph(graph);
            Graph after = copy.getGraph(graph);
            return before.size() != after.size() || !after.find().filterDrop(before::contains).toList().isEmpty();
        }));
    }

    private static DatasetGraph copyOf(DatasetGraph source) {
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(source, () -> Txn.executeWrite(copy, () -> {
            source.find().forEachRemaining(copy::add);
            copy.prefixes().putAll(source.prefixes());
        }));
        return copy;
    }

    /** What the build validates: every named graph but the shapes, as one graph. */
    private static Graph dataGraph(DatasetGraph dsg) {
        Graph union = GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> {
            if (!q.getGraph().equals(SHAPES_GRAPH)) union.add(q.asTriple());
        });
        return union;
    }

    private static boolean touches(List<Quad> added, List<Quad> removed, Node graph) {
        return added.stream().anyMatch(q -> q.getGraph().equals(graph))
                || removed.stream().anyMatch(q -> q.getGraph().equals(graph));
    }

    private String describe(List<ReportEntry> violations, ValidationReport report) {
        Prologue prologue = new Prologue(prefixes);
        StringBuilder sb = new StringBuilder();
        sb.append("The write was rejected: the result would violate ").append(violations.size())
                .append(" SHACL constraint(s) of ontology/shapes.ttl. Nothing was changed.\n\n");
        for (ReportEntry e : violations) {
            Node focus = e.focusNode();
            sb.append(focus.isURI() ? "<" + focus.getURI() + ">" : focus.toString()).append(": ");
            if (e.resultPath() != null) sb.append(e.resultPath().toString(prologue)).append(": ");
            sb.append(e.message());
            if (e.value() != null) sb.append(" (value ").append(e.value().isURI() ? prefixes.shortForm(e.value().getURI()) : e.value()).append(')');
            sb.append('\n');
        }
        Graph reportGraph = report.getGraph();
        reportGraph.getPrefixMapping().setNsPrefixes(prefixes).setNsPrefix("sh", "http://www.w3.org/ns/shacl#");
        ByteArrayOutputStream turtle = new ByteArrayOutputStream();
        RDFDataMgr.write(turtle, reportGraph, RDFFormat.TURTLE_PRETTY);
        sb.append("\n# The SHACL validation report\n").append(turtle.toString(StandardCharsets.UTF_8));
        return sb.toString();
    }
}
