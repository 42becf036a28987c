package org.w3id.claimgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.w3id.claimgraph.project.AtomicFile;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
                "Build and verify the graph, then write it out.",
                "trig, nquads and jsonld keep the named graphs; turtle writes the union of all graphs.",
                "JSON-LD carries its @context inline; nothing refers to a remote context."
        })
final class ExportCommand implements Callable<Integer> {

    enum Format { trig, nquads, turtle, jsonld }

    @Option(names = "--format", defaultValue = "trig", description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically: a temporary file renamed into place) instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Dataset dataset = GraphBuild.create().layout(ProjectLayout.locate()).build();
        if (out == null) {
            write(dataset, System.out);
            System.out.flush();
        } else {
            try {
                AtomicFile.write(out, stream -> write(dataset, stream));
            } catch (IOException e) {
                throw new InputException(out + ": cannot write: " + e.getMessage(), e);
            }
            System.err.println("wrote " + out);
        }
        return ExitCode.OK;
    }

    private void write(Dataset dataset, OutputStream stream) {
        switch (format) {
            case trig -> RDFDataMgr.write(stream, dataset, RDFFormat.TRIG_BLOCKS);
            case nquads -> RDFDataMgr.write(stream, dataset, RDFFormat.NQUADS);
            case turtle -> RDFDataMgr.write(stream, dataset.getUnionModel(), RDFFormat.TURTLE_BLOCKS);
            case jsonld -> RDFDataMgr.write(stream, dataset, RDFFormat.JSONLD11_PRETTY);
        }
    }
}
