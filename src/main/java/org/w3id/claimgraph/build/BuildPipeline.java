package org.w3id.claimgraph.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.BuildProblem;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.OA;
import org.w3id.claimgraph.project.PausePoint;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.StrictRdfReader;

/**
 * The one build: reads the shared graphs (ontology, shapes, concepts, references) and checks them once, then
 * reads, compiles and checks one document at a time (its metadata and claims, each of its nodes against the
 * shapes that target it, with the shared graphs in view) and sends its quads to the sink; extra files come
 * last and are checked against everything built. Problems are collected across all files; once there is one,
 * nothing more is sent, and the run ends with {@link BuildFailure}.
 */
final class BuildPipeline {
    /** Ontology files that are not part of the ontology graph: the shapes have their own graph, the rules are read by validate, the text index map by search. */
    private static final List<String> NOT_ONTOLOGY = List.of("shapes.ttl", "rules.ttl", "text-index.ttl");
    private static final String SHAPES_FILE = "shapes.ttl";
    private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

    private final ProjectLayout layout;
    private final List<Path> extraFiles;
    private final Consumer<String> progress;
    private final StrictRdfReader reader;
    private final List<BuildProblem> problems = new ArrayList<>();
    private final PrefixMapping prefixes = new PrefixMappingImpl();

    BuildPipeline(ProjectLayout layout, List<Path> extraFiles, Consumer<String> progress) {
        this.layout = layout;
        this.extraFiles = List.copyOf(extraFiles);
        this.progress = progress;
        this.reader = new StrictRdfReader(layout);
    }

    /**
     * Builds into {@code out}. {@code built} is the dataset {@code out} writes into, which extra files are
     * checked against; null when the sink keeps nothing (then there may be no extra files).
     */
    GraphBuild.Result run(StreamRDF out, DatasetGraph built) {
        layout.requireExists();
        StreamRDFCounting sink = StreamRDFLib.count(out);
        sink.start();
        Map<Node, Path> sharedOrigins = new HashMap<>();
        DatasetGraph shared = readShared(sharedOrigins);
        failOnProblems();
        Graph shapesGraph = shared.getGraph(NodeFactory.createURI(GraphNames.SHAPES));
        ShapeTargets targets = new ShapeTargets(Shapes.parse(shapesGraph));
        // One plain graph, not a union view over the shared graphs: every document's check looks up the class
        // hierarchy in it (each value's sh:class; the targets' superclasses once per class, SuperClasses), and a
        // union view answers each lookup graph by graph.
        Graph sharedData = GraphFactory.createDefaultGraph();
        GraphSource.dataGraph(shared).find().forEachRemaining(sharedData::add);
        problems.addAll(StructureCheck.check(shapesGraph, sharedData, sharedOrigins, prefixes, layout));
        failOnProblems();
        shared.find().forEachRemaining(sink::quad);

        long[] counts = documents(targets, sharedData, sharedOrigins, sink);
        if (!extraFiles.isEmpty()) extras(targets, built, sink);
        failOnProblems();
        prefixes.getNsPrefixMap().forEach(sink::prefix);
        sink.finish();
        if (built != null) {
            // Extra files may add claims and documents: count what the dataset holds.
            counts = new long[] {typed(built, CG.Claim), typed(built, CG.SourceDocument)};
        }
        return new GraphBuild.Result(null, sink.count(), counts[0], counts[1], Map.copyOf(prefixes.getNsPrefixMap()));
    }

    /** The ontology, the shapes, the concepts and the references, each in its named graph. */
    private DatasetGraph readShared(Map<Node, Path> origins) {
        Map<String, Graph> graphs = new LinkedHashMap<>();
        Graph ontology = graph(graphs, GraphNames.ONTOLOGY);
        for (Path file : files(layout.ontologyDir(), ".ttl")) {
            if (!NOT_ONTOLOGY.contains(file.getFileName().toString())) merge(read(file), ontology);
        }
        merge(read(layout.ontologyDir().resolve(SHAPES_FILE)), graph(graphs, GraphNames.SHAPES));
        Graph concepts = graph(graphs, GraphNames.CONCEPTS);
        for (Path file : files(layout.conceptsDir(), ".ttl")) {
            addCurated(read(file), file, concepts, origins);
        }
        Graph references = graph(graphs, GraphNames.REFERENCES);
        if (Files.exists(layout.referencesFile())) {
            addCurated(read(layout.referencesFile()), layout.referencesFile(), references, origins);
        }
        DatasetGraph shared = DatasetGraphFactory.createGeneral();
        graphs.forEach((name, g) -> shared.addGraph(NodeFactory.createURI(name), g));
        return shared;
    }

    /** Each document with its claims, one at a time; returns the claims and documents sent. */
    private long[] documents(ShapeTargets targets, Graph sharedData, Map<Node, Path> sharedOrigins, StreamRDFCounting sink) {
        DocumentReader documentReader = new DocumentReader(layout, reader);
        Set<String> documentIds = new HashSet<>();
        long claims = 0;
        long documents = 0;
        long started = System.nanoTime();
        long lastReport = started;
        SuperClasses sharedClasses = new SuperClasses(sharedData);
        for (Path textFile : files(layout.documentsDir(), ".txt")) {
            Map<Node, Path> origins = new Overlay(sharedOrigins);
            int before = problems.size();
            DocumentReader.Document doc = documentReader.read(textFile, problems);
            if (doc == null) continue;
            String id = doc.text().id();
            documentIds.add(id);
            Graph metadata = GraphFactory.createDefaultGraph();
            addCurated(doc.metadata(), textFile.resolveSibling(id + ".ttl"), metadata, origins);

            Path claimsFile = layout.claimsDir().resolve(id + ".ttl");
            Graph compiled = null;
            if (Files.isRegularFile(claimsFile)) {
                Graph curated = read(claimsFile);
                if (curated != null) {
                    compiled = new ClaimCompiler(doc.text(), claimsFile, layout.display(claimsFile), problems).compile(curated);
                    recordOrigins(compiled, claimsFile, origins);
                    mergePrefixes(compiled);
                }
            }
            if (problems.size() == before) {
                List<Graph> own = compiled == null ? List.of(metadata) : List.of(metadata, compiled);
                MultiUnion data = new MultiUnion(new Graph[] {sharedData, metadata});
                if (compiled != null) data.addGraph(compiled);
                StructureCheck.checkNodes(targets, data, sharedClasses.with(data, own), focusNodes(own), origins, prefixes, layout, problems);
            }
            if (problems.isEmpty()) {
                send(metadata, GraphNames.DOCUMENTS, sink);
                if (compiled != null) {
                    send(compiled, GraphNames.document(id), sink);
                    claims += compiled.find(Node.ANY, RDF.type.asNode(), CG.Claim).toList().size();
                }
            }
            documents++;
            PausePoint.reached("build");
            long now = System.nanoTime();
            if (now - lastReport > REPORT_EVERY_NANOS) {
                lastReport = now;
                progress.accept(String.format("build: %,d documents, %,d claims, %,d quads (%,.0f claims/s)",
                        documents, claims, sink.count(), claims / ((now - started) / 1e9)));
            }
        }
        for (Path claimsFile : files(layout.claimsDir(), ".ttl")) {
            String id = baseName(claimsFile, ".ttl");
            if (!documentIds.contains(id)) {
                problems.add(BuildProblem.inFile(layout.display(claimsFile), "no document " + id + ".txt in "
                        + layout.display(layout.documentsDir()) + " for this claims file"));
            }
        }
        return new long[] {claims, documents};
    }

    /**
     * The extra files, sent as they are (a triples file into a graph named after it), then checked: each of
     * their nodes against the shapes, with everything built in view.
     */
    private void extras(ShapeTargets targets, DatasetGraph built, StreamRDF sink) {
        if (built == null) throw new IllegalStateException("extra files need a sink that keeps the dataset");
        Map<Node, Path> origins = new HashMap<>();
        List<Graph> added = new ArrayList<>();
        for (Path file : extraFiles) {
            DatasetGraph extra;
            try {
                extra = reader.readDataset(file);
            } catch (BuildFailure e) {
                problems.addAll(e.problems());
                continue;
            }
            Graph triples = GraphFactory.createDefaultGraph();
            extra.find().forEachRemaining(q -> {
                Node g = q.isDefaultGraph() ? NodeFactory.createURI(GraphNames.BASE + "extra/" + file.getFileName()) : q.getGraph();
                // The derived graph is computed again from the rest; derived statements elsewhere are refused.
                if (g.getURI().equals(GraphNames.DERIVED)) return;
                if (ClaimCompiler.DERIVED.contains(q.getPredicate())) {
                    problems.add(BuildProblem.forNode(layout.display(file), q.getSubject().toString(),
                            ClaimCompiler.derivedMessage(q.getPredicate())));
                    return;
                }
                if (problems.isEmpty()) sink.quad(Quad.create(g, q.asTriple()));
                triples.add(q.asTriple());
                origins.putIfAbsent(q.getSubject(), file);
            });
            added.add(triples);
            prefixes.setNsPrefixes(extra.prefixes().getMapping());
        }
        if (!problems.isEmpty()) return;
        Graph all = GraphSource.dataGraph(built);
        SuperClasses classes = new SuperClasses(all);
        for (Graph g : added) StructureCheck.checkNodes(targets, all, classes, focusNodes(List.of(g)), origins, prefixes, layout, problems);
    }

    private static long typed(DatasetGraph dsg, Node type) {
        return dsg.stream(Node.ANY, Node.ANY, RDF.type.asNode(), type).map(Quad::getSubject).distinct().count();
    }

    /** The nodes that shapes may target: every subject, and the objects of the structural links. */
    static Set<Node> focusNodes(List<Graph> graphs) {
        Set<Node> nodes = new LinkedHashSet<>();
        for (Graph g : graphs) {
            g.find().forEachRemaining(t -> {
                nodes.add(t.getSubject());
                Node p = t.getPredicate();
                if (!t.getObject().isLiteral() && (p.equals(CG.quote) || p.equals(CG.evidence) || p.equals(CG.statedDose)
                        || p.equals(OA.hasSelector))) {
                    nodes.add(t.getObject());
                }
            });
        }
        return nodes;
    }

    private void addCurated(Graph parsed, Path file, Graph target, Map<Node, Path> origins) {
        if (parsed == null) return;
        Graph named = Skolemizer.skolemize(parsed, layout.display(file), problems);
        recordOrigins(named, file, origins);
        merge(named, target);
    }

    private static void recordOrigins(Graph g, Path file, Map<Node, Path> origins) {
        g.find().forEachRemaining(t -> origins.putIfAbsent(t.getSubject(), file));
    }

    private Graph read(Path file) {
        try {
            return reader.readGraph(file);
        } catch (BuildFailure e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private void merge(Graph from, Graph into) {
        if (from == null) return;
        from.find().forEachRemaining(into::add);
        mergePrefixes(from);
    }

    /** A source's prefixes join the dataset's; the first file to declare a prefix wins. */
    private void mergePrefixes(Graph from) {
        from.getPrefixMapping().getNsPrefixMap().forEach((p, uri) -> {
            if (prefixes.getNsPrefixURI(p) == null) prefixes.setNsPrefix(p, uri);
        });
    }

    private void failOnProblems() {
        if (!problems.isEmpty()) throw new BuildFailure(problems);
    }

    private static void send(Graph g, String graphName, StreamRDF stream) {
        Node name = NodeFactory.createURI(graphName);
        g.find().forEachRemaining(t -> stream.quad(Quad.create(name, t)));
    }

    private static Graph graph(Map<String, Graph> graphs, String name) {
        return graphs.computeIfAbsent(name, n -> GraphFactory.createDefaultGraph());
    }

    private static String baseName(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    private List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(layout.display(dir) + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** A document's origins over the shared ones, without copying the shared map for every document. */
    private static final class Overlay extends HashMap<Node, Path> {
        private final transient Map<Node, Path> shared;

        Overlay(Map<Node, Path> shared) {
            this.shared = shared;
        }

        @Override
        public Path get(Object key) {
            Path own = super.get(key);
            return own != null ? own : shared.get(key);
        }
    }
}
