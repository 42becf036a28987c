package org.w3id.claimgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.claimgraph.derive.Derivation;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * One small case graph of the rule and grading fixtures, made into a dataset as the build makes one: the project's
 * whole ontology (but the shapes and the rules), the seed concepts, the shared references of
 * src/test/resources/judgements/base.ttl, and the case in a document graph of its own; then derived.
 */
public final class JudgementCase {
    /** The references the cases rest on, one per kind of evidence the grading tells apart. */
    public static final Path BASE = TestProject.REPO.resolve("src/test/resources/judgements/base.ttl");

    private JudgementCase() {}

    /** The case file {@code file} in the document graph {@code documentId}, with everything beside it, derived. */
    public static DatasetGraph derived(Path file, String documentId) {
        ProjectLayout layout = ProjectLayout.locate();
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> {
            try (Stream<Path> files = Files.list(layout.ontologyDir()); Stream<Path> concepts = Files.list(layout.conceptsDir())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!name.equals("shapes.ttl") && !name.equals("rules.ttl")) add(dsg, GraphNames.ONTOLOGY, f);
                }
                for (Path f : concepts.sorted().toList()) add(dsg, GraphNames.CONCEPTS, f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            add(dsg, GraphNames.REFERENCES, BASE);
            add(dsg, GraphNames.document(documentId), file);
        });
        Derivation.run(dsg);
        return dsg;
    }

    private static void add(DatasetGraph dsg, String name, Path file) {
        Node g = NodeFactory.createURI(name);
        RDFDataMgr.loadGraph(file.toUri().toString()).find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }
}
