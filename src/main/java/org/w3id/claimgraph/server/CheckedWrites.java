package org.w3id.claimgraph.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.claimgraph.derive.Derivation;
import org.w3id.claimgraph.derive.DerivationException;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;

/**
 * The only way data changes on a running server. A write runs against a {@link PendingWrite}: the served
 * dataset as it would be after the write, with the changes kept aside. The changes are then checked, and only
 * if they pass are they written to the dataset, in one write transaction:
 * <ul>
 * <li>the shapes graph ({@link GraphNames#SHAPES}) is fixed while the server runs, and the derived graph
 *     ({@link GraphNames#DERIVED}) is written only by the derivation;</li>
 * <li>every literal the write adds is well formed for its datatype ({@code "abc"^^xsd:integer} is refused);</li>
 * <li>the nodes the write touches conform to the SHACL shapes the server started with: the subjects and objects
 *     of the changed triples and, where a change is one the shapes read from a distance (a type, or a property
 *     a SPARQL constraint follows), the nodes up to two links before them. The shapes of ontology/shapes.ttl read
 *     no further than that from their focus node. A change to the class hierarchy ({@code rdfs:subClassOf})
 *     can change any node's targets, so it is checked against the whole dataset.</li>
 * </ul>
 * Before the check the derivation runs again on the pending data ({@link Derivation}: grades, assertions and
 * contradictions follow the change) when the write changes something it reads (the ontology graph, or a predicate
 * its definitions or code read: rdf:type, the cg: and SKOS properties, any IRI its queries name), and what it
 * changes in the derived graph is checked and written with the write. Nothing of the dataset is copied; the
 * validation costs what the write touches, but the derivation reads the whole dataset, so a write that changes
 * what it reads costs one derivation. A rejected write never opens a write
 * transaction on the served dataset, so nothing is ever aborted there (TDB2 in Jena 5.6 can corrupt its node
 * table after an aborted write, apache/jena GH-3877), and readers see the data before or after a write, never
 * a part of one. Writes are serialised.
 */
final class CheckedWrites {
    private static final Node SHAPES_GRAPH = NodeFactory.createURI(GraphNames.SHAPES);
    private static final Node DERIVED_GRAPH = NodeFactory.createURI(GraphNames.DERIVED);
    /** How many links back from a changed node the shapes may read it (sh:class on a value, a SPARQL path). */
    private static final int REACH = 2;
    private static final Pattern PREFIXED_NAME = Pattern.compile("(?<![\\w:?$])([A-Za-z][\\w-]*)?:([A-Za-z_][\\w-]*)");
    private static final Pattern IRI = Pattern.compile("<([^<>\\s]+)>");

    private final DatasetGraph base;
    private final Context context;
    private final Shapes shapes;
    private final Set<Node> readFromAfar;
    private final PrefixMapping prefixes;
    private final Recomputation recomputation;

    /**
     * @param base the served dataset itself (named graphs; not a union view)
     * @param context the context queries run with on this server (its functions and engine), for updates
     * @param recomputation what every applied write computes again, or null for nothing
     */
    CheckedWrites(DatasetGraph base, Context context, Recomputation recomputation) {
        this.base = base;
        this.context = context;
        this.recomputation = recomputation;
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
        this.readFromAfar = readFromAfar(shapesGraph, prefixes);
    }

    /**
     * Applies {@code change} to a pending view of the data (with the union default graph), and writes the
     * result only if it passes the checks. Exceptions from {@code change} (a failing update, a write to the
     * default graph, one too large) propagate, and nothing is written.
     */
    synchronized WriteOutcome apply(Consumer<DatasetGraph> change) {
        Checked checked;
        try {
            checked = Txn.calculateRead(base, () -> check(change));
        } catch (QueryCancelledException e) {
            throw new Stopped();
        }
        if (checked.outcome() != null) return checked.outcome();
        Txn.executeWrite(base, () -> {
            checked.removed().forEach(base::delete);
            checked.added().forEach(base::add);
        });
        // Still inside this synchronized method, so that the next write sees what follows this one.
        if (recomputation != null) recomputation.afterCommit().accept(base);
        return WriteOutcome.applied(checked.added().size(), checked.removed().size());
    }

    private record Checked(WriteOutcome outcome, List<Quad> added, List<Quad> removed) {}

    /** A write the {@link MemoryGuard} stopped while it was computed, before anything was written (503). */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("The write was stopped: what follows from it (the derivation, the findings and summaries) needed more"
                    + " memory than this server can give one request. Nothing was changed. Serve the database with a"
                    + " larger heap, or change the data in seeds/ and load it again.");
        }
    }

    private Checked check(Consumer<DatasetGraph> change) {
        PendingWrite pending = new PendingWrite(base, context);
        DatasetGraph view = new WriteView(GraphSource.unionView(pending));
        Txn.executeWrite(pending, () -> change.accept(view));
        List<Quad> added = new ArrayList<>(pending.added());
        List<Quad> removed = new ArrayList<>(pending.removed());
        if (added.isEmpty() && removed.isEmpty()) return new Checked(WriteOutcome.applied(0, 0), added, removed);

        if (touches(added, removed, SHAPES_GRAPH)) {
            return rejected("The write was rejected: the shapes graph <" + GraphNames.SHAPES
                    + "> is fixed while the server runs (edit ontology/shapes.ttl and reload). Nothing was changed.");
        }
        if (touches(added, removed, DERIVED_GRAPH)) {
            return rejected("The write was rejected: the graph <" + GraphNames.DERIVED + "> is derived from the"
                    + " others (grades, assertions, contradictions) and recomputed after every write; write the curated data"
                    + " instead (a grade by hand is cg:curatorGrade with cg:overrideReason on the claim). Nothing was changed.");
        }
        if (recomputation != null) {
            for (String graph : recomputation.graphs()) {
                if (touches(added, removed, NodeFactory.createURI(graph))) {
                    return rejected("The write was rejected: the graph <" + graph + "> is computed from the others and"
                            + " recomputed after every write; write the curated data instead. Nothing was changed.");
                }
            }
        }
        if (added.stream().anyMatch(Quad::isDefaultGraph) || removed.stream().anyMatch(Quad::isDefaultGraph)) {
            throw new WriteView.DefaultGraphWrite();
        }
        List<String> illTyped = added.stream().map(Quad::getObject)
                .filter(o -> o.isLiteral() && !o.getLiteral().isWellFormed()).distinct()
                .map(o -> FmtUtils.stringForNode(o, prefixes) + " is not a valid " + FmtUtils.stringForURI(o.getLiteralDatatypeURI(), prefixes))
                .toList();
        if (!illTyped.isEmpty()) {
            return rejected("The write was rejected: " + String.join("; ", illTyped) + ". Nothing was changed.");
        }

        try {
            List<Quad> changed = new ArrayList<>(added);
            changed.addAll(removed);
            if (Derivation.affectedBy(pending, changed)) follow(pending, Derivation::run);
        } catch (DerivationException e) {
            return rejected("The write was rejected: the derivation cannot run on the result: " + e.getMessage()
                    + " Nothing was changed.");
        }
        added = new ArrayList<>(pending.added());
        removed = new ArrayList<>(pending.removed());

        Graph data = GraphSource.dataGraph(pending);
        ValidationReport report = validate(data, affected(pending, added, removed));
        List<ReportEntry> violations = report.getEntries().stream().filter(e -> e.severity() == Severity.Violation).toList();
        if (!violations.isEmpty()) return rejected(describe(violations, report));
        if (recomputation == null) return new Checked(null, added, removed);
        follow(pending, recomputation.compute());
        return new Checked(null, new ArrayList<>(pending.added()), new ArrayList<>(pending.removed()));
    }

    /**
     * Runs a computation that follows the write (the derivation, the {@link Recomputation}) on the pending data
     * and makes its changes part of the write. It runs on a second pending layer, which only it writes (its size
     * unbounded: it clears and re-adds whole graphs, and what it re-adds unchanged cancels out), so the write
     * holds only what really changed.
     */
    private void follow(PendingWrite pending, Consumer<DatasetGraph> computation) {
        PendingWrite layer = PendingWrite.unbounded(pending, context);
        // Read through a view the memory guard can stop: what the computation holds grows with the dataset.
        computation.accept(DeadlineDataset.cancellable(layer));
        layer.removed().forEach(pending::delete);
        layer.added().forEach(pending::add);
    }

    private static Checked rejected(String report) {
        return new Checked(WriteOutcome.rejected(report), List.of(), List.of());
    }

    /** The nodes whose conformance the change may alter; null when that may be any node. */
    private Set<Node> affected(DatasetGraph after, List<Quad> added, List<Quad> removed) {
        Set<Node> nodes = new LinkedHashSet<>();
        Set<Node> readAfar = new LinkedHashSet<>();
        for (List<Quad> quads : List.of(added, removed)) {
            for (Quad q : quads) {
                if (q.getPredicate().equals(RDFS.Nodes.subClassOf)) return null;
                nodes.add(q.getSubject());
                if (!q.getObject().isLiteral()) nodes.add(q.getObject());
                if (readFromAfar.contains(q.getPredicate())) readAfar.add(q.getSubject());
            }
        }
        // Before and after the change: a link removed by the write counts as well as one that stays.
        Deque<Node> frontier = new ArrayDeque<>(readAfar);
        for (int step = 0; step < REACH && !frontier.isEmpty(); step++) {
            Deque<Node> next = new ArrayDeque<>();
            for (Node n : frontier) {
                Iterator<Quad> in = Iter.concat(after.find(Node.ANY, Node.ANY, Node.ANY, n), removed.stream()
                        .filter(q -> q.getObject().equals(n)).iterator());
                in.forEachRemaining(q -> {
                    if (!q.getGraph().equals(SHAPES_GRAPH) && nodes.add(q.getSubject())) next.add(q.getSubject());
                });
            }
            frontier = next;
        }
        return nodes;
    }

    /** Validates each focus node against the shapes that target it, in one validation context. */
    private ValidationReport validate(Graph data, Set<Node> focus) {
        if (focus == null) return ShaclValidator.get().validate(shapes, data);
        ValidationContext context = ValidationContext.create(shapes, data);
        for (Node node : focus) {
            for (Shape shape : shapes.getTargetShapes()) {
                if (VLib.isFocusNode(shape, node, data)) VLib.validateShape(context, data, shape, node);
            }
        }
        return context.generateReport();
    }

    /**
     * The predicates the shapes read away from their focus node: rdf:type (sh:class on a value) and every
     * property named in a SPARQL constraint. A change to one of them is checked from the nodes that link to it.
     */
    private static Set<Node> readFromAfar(Graph shapesGraph, PrefixMapping datasetPrefixes) {
        String sh = "http://www.w3.org/ns/shacl#";
        Map<String, String> namespaces = new LinkedHashMap<>(datasetPrefixes.getNsPrefixMap());
        shapesGraph.find(Node.ANY, NodeFactory.createURI(sh + "prefix"), Node.ANY).forEachRemaining(t ->
                shapesGraph.find(t.getSubject(), NodeFactory.createURI(sh + "namespace"), Node.ANY).forEachRemaining(ns ->
                        namespaces.put(t.getObject().getLiteralLexicalForm(), ns.getObject().getLiteralLexicalForm())));
        Set<Node> predicates = new LinkedHashSet<>();
        predicates.add(RDF.Nodes.type);
        shapesGraph.find(Node.ANY, NodeFactory.createURI(sh + "select"), Node.ANY).forEachRemaining(t -> {
            String query = t.getObject().getLiteralLexicalForm();
            Matcher names = PREFIXED_NAME.matcher(query);
            while (names.find()) {
                String ns = namespaces.get(names.group(1));
                if (ns != null) predicates.add(NodeFactory.createURI(ns + names.group(2)));
            }
            Matcher iris = IRI.matcher(query);
            while (iris.find()) predicates.add(NodeFactory.createURI(iris.group(1)));
        });
        return predicates;
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
