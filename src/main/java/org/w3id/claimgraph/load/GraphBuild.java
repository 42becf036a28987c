package org.w3id.claimgraph.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.claimgraph.derive.Derivation;
import org.w3id.claimgraph.derive.DerivationException;
import org.w3id.claimgraph.vocab.GraphNames;

/**
 * Assembles the ontology, the vocabularies and the curated seeds into one verified dataset: each
 * document's claims in a named graph of its own, the shared data in graphs by kind. The build either
 * returns a dataset that passes every structural check or throws {@link BuildFailure} with all the
 * problems it found; it never returns a partial graph.
 *
 * <pre>
 * Dataset ds = GraphBuild.create().layout(ProjectLayout.locate()).build();
 * </pre>
 */
public final class GraphBuild {
    /** Ontology files that are not part of the ontology graph: shapes are loaded into their own graph. */
    private static final List<String> SHAPE_FILES = List.of("shapes.ttl");
    private static final List<String> NOT_ONTOLOGY = List.of("shapes.ttl", "rules.ttl");

    private ProjectLayout layout = ProjectLayout.locate();
    private final List<Path> extraFiles = new ArrayList<>();

    private GraphBuild() {}

    public static GraphBuild create() {
        return new GraphBuild();
    }

    public GraphBuild layout(ProjectLayout projectLayout) {
        this.layout = projectLayout;
        return this;
    }

    /**
     * Adds an RDF file to the build: TriG or N-Quads keep their graph names, a triples file goes into
     * a graph named after the file. It is verified together with the seeds.
     */
    public GraphBuild extraFile(Path file) {
        this.extraFiles.add(file);
        return this;
    }

    public Dataset build() {
        layout.requireExists();
        StrictRdfReader reader = new StrictRdfReader(layout);
        List<BuildProblem> problems = new ArrayList<>();
        Map<Node, Path> origins = new HashMap<>();
        Map<String, Graph> graphs = new LinkedHashMap<>();
        PrefixMapping prefixes = new PrefixMappingImpl();

        readShared(layout, reader, graphs, prefixes, origins, problems);
        Graph shapes = graphs.get(GraphNames.SHAPES);

        Map<String, SourceText> texts = new LinkedHashMap<>();
        Graph documents = graph(graphs, GraphNames.DOCUMENTS);
        DocumentReader documentReader = new DocumentReader(layout, reader);
        for (Path textFile : files(layout, layout.documentsDir(), ".txt")) {
            DocumentReader.Document doc = documentReader.read(textFile, problems);
            if (doc == null) continue;
            texts.put(doc.text().id(), doc.text());
            Path metadataFile = textFile.resolveSibling(doc.text().id() + ".ttl");
            addCurated(doc.metadata(), metadataFile, documents, prefixes, origins, problems);
        }

        for (Path claimsFile : files(layout, layout.claimsDir(), ".ttl")) {
            String name = claimsFile.getFileName().toString();
            String id = name.substring(0, name.length() - ".ttl".length());
            SourceText text = texts.get(id);
            String shown = layout.display(claimsFile);
            if (text == null) {
                problems.add(BuildProblem.inFile(shown, "no document " + id + ".txt in "
                        + layout.display(layout.documentsDir()) + " for this claims file"));
                continue;
            }
            Graph curated = read(reader, claimsFile, problems);
            if (curated == null) continue;
            Graph compiled = new ClaimCompiler(text, claimsFile, shown, problems).compile(curated);
            recordOrigins(compiled, claimsFile, origins);
            merge(compiled, graph(graphs, GraphNames.document(id)), prefixes);
        }

        for (Path extra : extraFiles) {
            addExtra(reader, extra, graphs, prefixes, origins, problems);
        }

        if (!problems.isEmpty()) {
            throw new BuildFailure(problems);
        }

        Graph union = GraphFactory.createDefaultGraph();
        graphs.forEach((name, g) -> {
            if (!name.equals(GraphNames.SHAPES)) g.find().forEachRemaining(union::add);
        });
        problems.addAll(StructureCheck.check(shapes, union, origins, prefixes, layout));
        if (!problems.isEmpty()) {
            throw new BuildFailure(problems);
        }

        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> {
            graphs.forEach((name, g) -> g.find().forEachRemaining(t -> dsg.add(NodeFactory.createURI(name), t.getSubject(), t.getPredicate(), t.getObject())));
            prefixes.getNsPrefixMap().forEach((p, uri) -> dsg.prefixes().add(p, uri));
        });
        try {
            Derivation.run(dsg);
        } catch (DerivationException e) {
            throw new BuildFailure(List.of(problem(e, layout, origins)));
        }
        return DatasetFactory.wrap(dsg);
    }

    /** A derivation problem at a claim names the claim's file and line; one with a definition names ontology/. */
    private static BuildProblem problem(DerivationException e, ProjectLayout layout, Map<Node, Path> origins) {
        Path file = e.node() == null ? null : origins.get(NodeFactory.createURI(e.node()));
        if (file == null) return BuildProblem.inFile(layout.display(layout.ontologyDir()), e.getMessage());
        return SourceLines.locate(BuildProblem.forNode(layout.display(file), e.node(), e.getMessage()), file,
                "claim:" + org.w3id.claimgraph.vocab.CG.shortId(e.node()));
    }

    /**
     * Runs the derivation (ontology/grading.ttl and derivation.ttl) over a built dataset, writing its
     * derived graph; a definition it cannot use, or data it cannot derive from, fails the build.
     */
    public static Derivation.Result derive(DatasetGraph dsg, ProjectLayout layout) {
        try {
            return Derivation.run(dsg);
        } catch (DerivationException e) {
            throw new BuildFailure(List.of(problem(e, layout, Map.of())));
        }
    }


    /**
     * Reads what every document's claims refer to: the ontology, the shapes, the concepts and the
     * references, into {@code graphs} under their graph names. Shared by the in-memory and the streaming build.
     */
    static void readShared(ProjectLayout layout, StrictRdfReader reader, Map<String, Graph> graphs, PrefixMapping prefixes,
                           Map<Node, Path> origins, List<BuildProblem> problems) {
        Graph ontology = graph(graphs, GraphNames.ONTOLOGY);
        for (Path file : files(layout, layout.ontologyDir(), ".ttl")) {
            if (NOT_ONTOLOGY.contains(file.getFileName().toString())) continue;
            merge(read(reader, file, problems), ontology, prefixes);
        }
        Graph shapes = graph(graphs, GraphNames.SHAPES);
        for (String name : SHAPE_FILES) {
            merge(read(reader, layout.ontologyDir().resolve(name), problems), shapes, prefixes);
        }

        Graph concepts = graph(graphs, GraphNames.CONCEPTS);
        for (Path file : files(layout, layout.conceptsDir(), ".ttl")) {
            addCurated(read(reader, file, problems), file, concepts, prefixes, origins, problems);
        }
        Graph references = graph(graphs, GraphNames.REFERENCES);
        if (Files.exists(layout.referencesFile())) {
            addCurated(read(reader, layout.referencesFile(), problems), layout.referencesFile(), references, prefixes, origins, problems);
        }

    }

    private void addExtra(StrictRdfReader reader, Path file, Map<String, Graph> graphs, PrefixMapping prefixes,
                          Map<Node, Path> origins, List<BuildProblem> problems) {
        try {
            DatasetGraph extra = reader.readDataset(file);
            extra.find().forEachRemaining(q -> {
                String name = q.isDefaultGraph() ? GraphNames.BASE + "extra/" + file.getFileName() : q.getGraph().getURI();
                // The derived graph is computed again from the rest; derived statements elsewhere are refused.
                if (name.equals(GraphNames.DERIVED)) return;
                if (ClaimCompiler.DERIVED.contains(q.getPredicate())) {
                    problems.add(BuildProblem.forNode(layout.display(file), q.getSubject().toString(),
                            ClaimCompiler.derivedMessage(q.getPredicate())));
                    return;
                }
                graph(graphs, name).add(q.asTriple());
                origins.putIfAbsent(q.getSubject(), file);
            });
            prefixes.setNsPrefixes(extra.prefixes().getMapping());
        } catch (BuildFailure e) {
            problems.addAll(e.problems());
        }
    }

    static void addCurated(Graph parsed, Path file, Graph target, PrefixMapping prefixes,
                                   Map<Node, Path> origins, List<BuildProblem> problems) {
        if (parsed == null) return;
        Graph named = Skolemizer.skolemize(parsed, file.toString(), problems);
        recordOrigins(named, file, origins);
        merge(named, target, prefixes);
    }

    static void recordOrigins(Graph g, Path file, Map<Node, Path> origins) {
        g.find().forEachRemaining(t -> origins.putIfAbsent(t.getSubject(), file));
    }

    static Graph read(StrictRdfReader reader, Path file, List<BuildProblem> problems) {
        try {
            return reader.readGraph(file);
        } catch (BuildFailure e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    static void merge(Graph from, Graph into, PrefixMapping prefixes) {
        if (from == null) return;
        from.find().forEachRemaining(into::add);
        from.getPrefixMapping().getNsPrefixMap().forEach((p, uri) -> {
            if (prefixes.getNsPrefixURI(p) == null) prefixes.setNsPrefix(p, uri);
        });
    }

    static Graph graph(Map<String, Graph> graphs, String name) {
        return graphs.computeIfAbsent(name, n -> GraphFactory.createDefaultGraph());
    }

    static List<Path> files(ProjectLayout layout, Path dir, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new InputException(layout.display(dir) + ": cannot list: " + e.getMessage(), e);
        }
    }
}
