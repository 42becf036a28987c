package org.w3id.claimgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.w3id.claimgraph.project.AtomicFile;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.ingest.ClaimRecords;
import org.w3id.claimgraph.ingest.CompactClaimWriter;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.project.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
                "Build and verify the graph, then write it out.",
                "trig, nquads and jsonld keep the named graphs; turtle writes the union of all graphs.",
                "JSON-LD carries its @context inline; nothing refers to a remote context.",
                "--document ID --format claims writes one reviewed document's accepted claims in the compact claim format of seeds/claims/ (read from --tdb DIR, where the review page wrote them, or the seed graph)."
        })
final class ExportCommand implements Callable<Integer> {

    enum Format { trig, nquads, turtle, jsonld, claims }

    @Option(names = "--format", defaultValue = "trig", description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically: a temporary file renamed into place) instead of standard output.")
    Path out;

    @Option(names = "--document", paramLabel = "ID", description = "With --format claims: the document whose accepted claims to write (e.g. 005_0123456789abcdef).")
    String document;

    @Mixin
    GraphSourceOptions source;

    @Override
    public Integer call() throws IOException {
        if ((format == Format.claims) != (document != null)) {
            throw new InputException("--format claims and --document ID go together: one document's claims in the compact claim format");
        }
        if (format == Format.claims) return writeClaims(ProjectLayout.locate());
        if (source.isStore()) throw new InputException("--tdb and --endpoint are for --format claims; the other formats export the built seed graph");
        Dataset dataset = GraphBuild.create().layout(ProjectLayout.locate()).build();
        return emit(stream -> write(dataset, stream));
    }

    /** Writes to standard output, or to --out atomically. */
    private int emit(AtomicFile.Writer writer) throws IOException {
        if (out == null) {
            writer.write(System.out);
            System.out.flush();
        } else {
            try {
                AtomicFile.write(out, writer);
            } catch (IOException e) {
                throw new InputException(out + ": cannot write: " + e.getMessage(), e);
            }
            System.err.println("wrote " + out);
        }
        return ExitCode.OK;
    }

    /** The accepted claims of --document, read from the graph the review wrote, as a seeds/claims/ file. */
    private int writeClaims(ProjectLayout layout) throws IOException {
        if (!document.matches("[0-9]{3}_[0-9a-f]{16}")) throw new InputException("--document: not a document id (NNN_ and 16 hex digits): " + document);
        String documentIri = CG.ID + "document/" + document;
        NamedQuery query = NamedQuery.read(layout.queriesDir().resolve("export/document-claims.rq"));
        Graph graph;
        try (GraphSource graphSource = source.open(layout, List.of())) {
            graph = graphSource.construct(query.bind(Map.of("graph", GraphNames.document(document), "document", documentIri)), Duration.ofMinutes(5));
        }
        String text = graph.find(NodeFactory.createURI(documentIri), CG.text, Node.ANY).mapWith(t -> t.getObject().getLiteralLexicalForm())
                .nextOptional().orElseThrow(() -> new InputException("--document " + document + ": no such document in the graph"));
        String file = CompactClaimWriter.claimsFile("Claims of documents/" + document + ".txt, reviewed on the review page and exported by\n"
                + "./claimgraph export --document " + document + " --format claims. Compact format: see seeds/README.md.",
                ClaimRecords.accepted(graph, documentIri, text));
        return emit(stream -> stream.write(file.getBytes(StandardCharsets.UTF_8)));
    }

    private void write(Dataset dataset, OutputStream stream) {
        switch (format) {
            case trig -> RDFDataMgr.write(stream, dataset, RDFFormat.TRIG_BLOCKS);
            case nquads -> RDFDataMgr.write(stream, dataset, RDFFormat.NQUADS);
            case turtle -> RDFDataMgr.write(stream, dataset.getUnionModel(), RDFFormat.TURTLE_BLOCKS);
            case jsonld -> RDFDataMgr.write(stream, dataset, RDFFormat.JSONLD11_PRETTY);
            case claims -> throw new IllegalStateException("claims are written by writeClaims");
        }
    }
}
