package org.w3id.claimgraph.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Parses RDF files strictly: bad IRIs and bad lexical forms, which RIOT only warns about by default,
 * are problems here, reported with the file, line and column. All problems of a file are collected
 * before failing, so a curator sees every mistake at once.
 */
public final class StrictRdfReader {
    private final ProjectLayout layout;

    public StrictRdfReader(ProjectLayout layout) {
        this.layout = layout;
    }

    /** Reads a triples file (Turtle, N-Triples, RDF/XML) into a new graph. */
    public Graph readGraph(Path file) {
        Graph graph = GraphFactory.createDefaultGraph();
        parse(file, langOf(file), parser -> parser.parse(graph));
        return graph;
    }

    /** Reads a quads or triples file (TriG, N-Quads, Turtle, ...) into a new dataset. */
    public DatasetGraph readDataset(Path file) {
        requireFile(file);
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        parse(file, langOf(file), parser -> parser.parse(dsg));
        if (dsg.isEmpty()) {
            // Given by name to be checked, a file that states nothing is a mistake (the wrong file, a failed write).
            throw new InputException(layout.display(file) + ": holds no RDF statements");
        }
        return dsg;
    }

    /** A missing file, a directory or an unreadable file is the user's error, named as such. */
    private void requireFile(Path file) {
        if (Files.isDirectory(file)) throw new InputException(layout.display(file) + ": is a directory, not an RDF file");
        if (!Files.isRegularFile(file)) throw new InputException(layout.display(file) + ": no such file");
        if (!Files.isReadable(file)) throw new InputException(layout.display(file) + ": cannot be read (permission denied)");
    }

    private Lang langOf(Path file) {
        Lang lang = RDFLanguages.pathnameToLang(file.getFileName().toString());
        if (lang == null || lang == Lang.JSONLD || lang == Lang.JSONLD11) {
            // JSON-LD input could name remote contexts; the build never fetches anything.
            throw new InputException(layout.display(file) + ": unsupported RDF syntax (use .ttl, .nt, .trig, .nq or .rdf)");
        }
        return lang;
    }

    private void parse(Path file, Lang lang, java.util.function.Consumer<RDFParser> action) {
        requireFile(file);
        String shown = layout.display(file);
        CollectingHandler handler = new CollectingHandler(shown);
        RDFParser parser = RDFParser.create()
                .source(file)
                .lang(lang)
                .checking(true)
                .errorHandler(handler)
                .build();
        try {
            action.accept(parser);
        } catch (RiotException e) {
            if (handler.problems.isEmpty()) {
                handler.problems.add(BuildProblem.inFile(shown, e.getMessage()));
            }
        }
        if (!handler.problems.isEmpty()) {
            throw new BuildFailure(handler.problems);
        }
    }

    /** Records warnings and errors as problems; a fatal error stops the parser. */
    private static final class CollectingHandler implements ErrorHandler {
        private final String file;
        private final List<BuildProblem> problems = new ArrayList<>();

        CollectingHandler(String file) {
            this.file = file;
        }

        @Override
        public void warning(String message, long line, long col) {
            problems.add(BuildProblem.at(file, line, col, message));
        }

        @Override
        public void error(String message, long line, long col) {
            problems.add(BuildProblem.at(file, line, col, message));
        }

        @Override
        public void fatal(String message, long line, long col) {
            problems.add(BuildProblem.at(file, line, col, message));
            throw new RiotException(message);
        }
    }
}
