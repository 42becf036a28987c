package org.w3id.claimgraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.claimgraph.project.InputException;

/** Reads every *.ttl file of a directory into one graph, naming the file of a parse error. */
final class TurtleFiles {
    private TurtleFiles() {}

    static Graph read(Path dir, String what) {
        if (!Files.isDirectory(dir)) throw new InputException("no directory " + dir + " to read " + what + " from");
        Graph g = GraphFactory.createDefaultGraph();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                try {
                    RDFDataMgr.read(g, f.toString());
                } catch (RiotException e) {
                    throw new InputException(f + ": cannot read " + what + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return g;
    }
}
