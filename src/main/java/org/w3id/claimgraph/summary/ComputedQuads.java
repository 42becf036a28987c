package org.w3id.claimgraph.summary;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * The quads a computation sends while its queries still read the dataset, kept until they may be added (nothing is
 * added to a dataset while a query over it iterates): up to {@code batch} of them in memory, and each full batch
 * written to a temporary file (RDF Thrift, which keeps blank nodes as they are, so that a blank node split over
 * two batches stays one node), so that the memory they take is bounded however many there are.
 */
final class ComputedQuads extends StreamRDFBase implements AutoCloseable {
    private final int batch;
    private final List<Quad> kept = new ArrayList<>();
    private Path spill;
    private OutputStream spillBytes;
    private StreamRDF spillWriter;
    private long spilled;

    ComputedQuads(int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch " + batch);
        this.batch = batch;
    }

    @Override
    public void quad(Quad quad) {
        kept.add(quad);
        if (kept.size() >= batch) spillKept();
    }

    /** How many quads were written to the temporary file (0 when they all fitted in one batch). */
    long spilled() {
        return spilled;
    }

    /** Adds every quad received to {@code dsg}: the spilled batches in the order they came, then the last. */
    void addTo(DatasetGraph dsg) {
        if (spill != null) {
            spillWriter.finish();
            closeSpillBytes();
            RDFParser.source(spill).lang(Lang.RDFTHRIFT).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    dsg.add(quad);
                }
            });
        }
        kept.forEach(dsg::add);
    }

    private void spillKept() {
        try {
            if (spill == null) {
                spill = Files.createTempFile("claimgraph-computed-", ".rt");
                spillBytes = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
                spillWriter = StreamRDFWriter.getWriterStream(spillBytes, RDFFormat.RDF_THRIFT);
                spillWriter.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the computed quads to a temporary file: " + e.getMessage(), e);
        }
        kept.forEach(spillWriter::quad);
        spilled += kept.size();
        kept.clear();
    }

    private void closeSpillBytes() {
        try {
            spillBytes.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the computed quads to " + spill + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file, if there is one. */
    @Override
    public void close() {
        if (spill == null) return;
        try {
            spillBytes.close();
            Files.deleteIfExists(spill);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + spill + ": " + e.getMessage(), e);
        }
    }
}
