package org.w3id.claimgraph.build;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * Builds the ontology, the vocabularies and the curated seeds into one verified dataset: each document's
 * claims in a named graph of its own, the shared data in graphs by kind. One pipeline ({@link BuildPipeline})
 * writes the quads to a RIOT {@link StreamRDF} sink, as a parser would: an in-memory dataset ({@link #build()})
 * or an N-Quads file ({@link #writeNQuads}), so that a corpus of any size is built one document at a time. The
 * build either delivers a complete dataset that passes every check or throws {@link BuildFailure} with all the
 * problems it found; nothing partial is returned or left behind.
 *
 * <pre>
 * Dataset ds = GraphBuild.create().layout(ProjectLayout.locate()).build();
 * GraphBuild.Result r = GraphBuild.create().layout(layout).progress(System.err::println).writeNQuads(file);
 * </pre>
 */
public final class GraphBuild {
    private ProjectLayout layout = ProjectLayout.locate();
    private final List<Path> extraFiles = new ArrayList<>();
    private Consumer<String> progress = line -> {};
    private List<BuildPhase> phases = BuildPhase.STANDARD;

    private GraphBuild() {}

    public static GraphBuild create() {
        return new GraphBuild();
    }

    public GraphBuild layout(ProjectLayout projectLayout) {
        this.layout = projectLayout;
        return this;
    }

    /**
     * Adds an RDF file to the build: TriG or N-Quads keep their graph names, a triples file goes into a graph
     * named after the file. It is verified together with the seeds, so a build with extra files is held in memory.
     */
    public GraphBuild extraFile(Path file) {
        this.extraFiles.add(file);
        return this;
    }

    public GraphBuild extraFiles(List<Path> files) {
        this.extraFiles.addAll(files);
        return this;
    }

    /** Receives a line now and then: documents and claims so far and the rate. */
    public GraphBuild progress(Consumer<String> lines) {
        this.progress = lines;
        return this;
    }

    /** The phases run on the built dataset (default {@link BuildPhase#STANDARD}). */
    public GraphBuild phases(List<BuildPhase> buildPhases) {
        this.phases = List.copyOf(buildPhases);
        return this;
    }

    /** What a build wrote: the quads, claims and documents it sent, and the prefixes of the sources. */
    public record Result(Path file, long quads, long claims, long documents, Map<String, String> prefixes) {}

    /** Builds and verifies the dataset in memory, then runs the build phases on it. */
    public Dataset build() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        buildInto(dsg);
        return DatasetFactory.wrap(dsg);
    }

    /**
     * Builds and verifies the dataset into {@code dsg} (an empty transactional dataset in memory), then runs the
     * build phases on it; the result counts the claims and documents it holds.
     */
    public Result buildInto(DatasetGraph dsg) {
        return Txn.calculateWrite(dsg, () -> {
            Result result = pipeline().run(StreamRDFLib.dataset(dsg), dsg);
            BuildPhase.runAll(phases, dsg, layout, progress);
            return result;
        });
    }

    /**
     * Builds and verifies the dataset as N-Quads into {@code out}, replaced only on success. The build phases are
     * not run here: they run on the database the file is loaded into ({@code store}).
     */
    public Result writeNQuads(Path out) {
        if (!extraFiles.isEmpty()) {
            throw new IllegalStateException("extra files are verified against the whole graph: build them in memory");
        }
        return atomically(out, sink -> pipeline().run(sink, null));
    }

    /**
     * Builds and verifies the dataset in memory, runs the build phases on it, and writes the whole of it as N-Quads
     * into {@code out}, replaced only on success: for a store that loads a file with a loader of its own and cannot
     * run the phases itself (Virtuoso). It holds the dataset in memory, as {@link #build()} does.
     */
    public Result writeNQuadsAfterPhases(Path out) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Result built = buildInto(dsg);
        Result written = atomically(out, sink -> {
            sink.start();
            Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(sink::quad));
            sink.finish();
            return built;
        });
        long quads = Txn.calculateRead(dsg, () -> Iter.count(dsg.find()));
        return new Result(written.file(), quads, built.claims(), built.documents(), built.prefixes());
    }

    /**
     * Writes N-Quads into a partial file beside {@code out} ({@code write} starts and finishes the stream), then moves
     * it onto {@code out} in one step.
     */
    private static Result atomically(Path out, Function<StreamRDF, Result> write) {
        Path target = out.toAbsolutePath().normalize();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(target.getParent());
            Result result;
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
                result = write.apply(StreamRDFWriter.getWriterStream(os, Lang.NQUADS));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(target, result.quads(), result.claims(), result.documents(), result.prefixes());
        } catch (IOException e) {
            throw new InputException(out + ": cannot write: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // Best effort: the partial file is named after the process that wrote it.
            }
        }
    }

    private BuildPipeline pipeline() {
        return new BuildPipeline(layout, extraFiles, progress);
    }
}
