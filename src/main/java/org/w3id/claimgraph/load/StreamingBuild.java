package org.w3id.claimgraph.load;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.vocab.CG;
import org.w3id.claimgraph.vocab.GraphNames;
import org.w3id.claimgraph.vocab.OA;

/**
 * The build for corpora too large to hold in memory: the same checks and the same quads as
 * {@link GraphBuild}, but written as N-Quads one document at a time. The shared graphs (ontology, shapes,
 * concepts, references) are read and checked once; then each document's metadata and claims are read,
 * compiled, checked against the shapes (each of the document's nodes, with the shared graphs visible) and
 * written out, so memory holds one document at a time. Problems are reported as GraphBuild reports them;
 * with any, the output file is removed and {@link BuildFailure} thrown.
 */
public final class StreamingBuild {
    private ProjectLayout layout = ProjectLayout.locate();
    private Consumer<String> progress = line -> {};

    private StreamingBuild() {}

    public static StreamingBuild create() {
        return new StreamingBuild();
    }

    public StreamingBuild layout(ProjectLayout projectLayout) {
        this.layout = projectLayout;
        return this;
    }

    /** Receives a line now and then: documents and claims so far and the rate. */
    public StreamingBuild progress(Consumer<String> lines) {
        this.progress = lines;
        return this;
    }

    /** What a streaming build wrote. */
    public record Result(Path file, long quads, long claims, long documents, Map<String, String> prefixes) {}

    /** Builds and checks the corpus and writes it as N-Quads to {@code out} (replaced only on success). */
    public Result writeNQuads(Path out) {
        layout.requireExists();
        StrictRdfReader reader = new StrictRdfReader(layout);
        List<BuildProblem> problems = new ArrayList<>();
        Map<Node, Path> sharedOrigins = new HashMap<>();
        Map<String, Graph> shared = new LinkedHashMap<>();
        PrefixMapping prefixes = new PrefixMappingImpl();
        GraphBuild.readShared(layout, reader, shared, prefixes, sharedOrigins, problems);
        if (!problems.isEmpty()) throw new BuildFailure(problems);

        Graph shapesGraph = shared.get(GraphNames.SHAPES);
        Shapes shapes = Shapes.parse(shapesGraph);
        Graph sharedData = GraphFactory.createDefaultGraph();
        shared.forEach((name, g) -> {
            if (!name.equals(GraphNames.SHAPES)) g.find().forEachRemaining(sharedData::add);
        });
        problems.addAll(StructureCheck.check(shapesGraph, sharedData, sharedOrigins, prefixes, layout));
        if (!problems.isEmpty()) throw new BuildFailure(problems);

        Path target = out.toAbsolutePath().normalize();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        long[] quads = {0};
        long claims = 0;
        long documents = 0;
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
                StreamRDF writer = StreamRDFWriter.getWriterStream(os, Lang.NQUADS);
                writer.start();
                StreamRDF counted = new StreamRDFCounting(writer, quads);
                shared.forEach((name, g) -> send(g, NodeFactory.createURI(name), counted));

                Node documentsGraph = NodeFactory.createURI(GraphNames.DOCUMENTS);
                DocumentReader documentReader = new DocumentReader(layout, reader);
                Set<String> documentIds = new HashSet<>();
                long started = System.nanoTime();
                long lastReport = started;
                for (Path textFile : GraphBuild.files(layout, layout.documentsDir(), ".txt")) {
                    Map<Node, Path> origins = new Overlay(sharedOrigins);
                    int before = problems.size();
                    DocumentReader.Document doc = documentReader.read(textFile, problems);
                    if (doc == null) continue;
                    String id = doc.text().id();
                    documentIds.add(id);
                    Path metadataFile = textFile.resolveSibling(id + ".ttl");
                    Graph metadata = GraphFactory.createDefaultGraph();
                    GraphBuild.addCurated(doc.metadata(), metadataFile, metadata, prefixes, origins, problems);

                    Path claimsFile = layout.claimsDir().resolve(id + ".ttl");
                    Graph compiled = null;
                    if (Files.isRegularFile(claimsFile)) {
                        Graph curated = GraphBuild.read(reader, claimsFile, problems);
                        if (curated != null) {
                            compiled = new ClaimCompiler(doc.text(), claimsFile, layout.display(claimsFile), problems).compile(curated);
                            GraphBuild.recordOrigins(compiled, claimsFile, origins);
                            compiled.getPrefixMapping().getNsPrefixMap().forEach((p, uri) -> {
                                if (prefixes.getNsPrefixURI(p) == null) prefixes.setNsPrefix(p, uri);
                            });
                        }
                    }
                    if (problems.size() == before) {
                        MultiUnion data = new MultiUnion(new Graph[] {sharedData, metadata});
                        if (compiled != null) data.addGraph(compiled);
                        StructureCheck.checkNodes(shapes, data, focusNodes(metadata, compiled), origins, prefixes, layout, problems);
                    }
                    if (problems.isEmpty()) {
                        send(metadata, documentsGraph, counted);
                        if (compiled != null) {
                            send(compiled, NodeFactory.createURI(GraphNames.document(id)), counted);
                            claims += compiled.find(Node.ANY, RDF.type.asNode(), CG.Claim).toList().size();
                        }
                    }
                    documents++;
                    PausePoint.reached("build");
                    long now = System.nanoTime();
                    if (now - lastReport > 5_000_000_000L) {
                        lastReport = now;
                        double seconds = (now - started) / 1e9;
                        progress.accept(String.format("build: %,d documents, %,d claims, %,d quads (%,.0f claims/s)",
                                documents, claims, quads[0], claims / seconds));
                    }
                }
                for (Path claimsFile : GraphBuild.files(layout, layout.claimsDir(), ".ttl")) {
                    String name = claimsFile.getFileName().toString();
                    String id = name.substring(0, name.length() - ".ttl".length());
                    if (!documentIds.contains(id)) {
                        problems.add(BuildProblem.inFile(layout.display(claimsFile), "no document " + id + ".txt in "
                                + layout.display(layout.documentsDir()) + " for this claims file"));
                    }
                }
                writer.finish();
            }
            if (!problems.isEmpty()) throw new BuildFailure(problems);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(out + ": cannot write: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // Best effort: the partial file is named after the process that wrote it.
            }
        }
        return new Result(target, quads[0], claims, documents, Map.copyOf(prefixes.getNsPrefixMap()));
    }

    /** The document's nodes that shapes may target: every subject, and the objects of the structural links. */
    private static Set<Node> focusNodes(Graph metadata, Graph compiled) {
        Set<Node> nodes = new LinkedHashSet<>();
        for (Graph g : compiled == null ? List.of(metadata) : List.of(metadata, compiled)) {
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

    private static void send(Graph g, Node graphName, StreamRDF stream) {
        g.find().forEachRemaining(t -> stream.quad(Quad.create(graphName, t)));
    }

    /** A document's origins over the shared ones, without copying the shared map for every document. */
    private static final class Overlay extends HashMap<Node, Path> {
        private final Map<Node, Path> shared;

        Overlay(Map<Node, Path> shared) {
            this.shared = shared;
        }

        @Override
        public Path get(Object key) {
            Path own = super.get(key);
            return own != null ? own : shared.get(key);
        }
    }

    /** Counts the quads on their way to the writer. */
    private static final class StreamRDFCounting extends org.apache.jena.riot.system.StreamRDFWrapper {
        private final long[] count;

        StreamRDFCounting(StreamRDF other, long[] count) {
            super(other);
            this.count = count;
        }

        @Override
        public void quad(Quad quad) {
            count[0]++;
            super.quad(quad);
        }

        @Override
        public void triple(Triple triple) {
            count[0]++;
            super.triple(triple);
        }
    }
}
