package org.w3id.claimgraph.summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.Report;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.TurtleReportWriter;
import org.w3id.claimgraph.validate.Validator;

/**
 * The two computations of this package, each a build phase. Each replaces its graph whole, so a dataset built
 * again never keeps an old summary; both run inside the build's write transaction.
 */
public final class Summaries {
    private Summaries() {}

    /**
     * Runs every rule of ontology/rules.ttl over all claims (one query a rule) and stores the findings as a SHACL
     * validation report in {@link GraphNames#FINDINGS}.
     */
    public static void storeFindings(DatasetGraph dsg, ProjectLayout layout) {
        Validator validator = Validator.load(layout);
        GraphSource source = GraphSource.of(dsg, "built dataset");
        dsg.removeGraph(NodeFactory.createURI(GraphNames.FINDINGS));
        List<Finding> findings = validator.validate(source, RuleEngine.Kind.SPARQL, validator.rules().all());
        Graph report = TurtleReportWriter.graph(new Report(source.description(), RuleEngine.Kind.SPARQL,
                validator.rules().all(), null, findings));
        dsg.addGraph(NodeFactory.createURI(GraphNames.FINDINGS), report);
    }

    /** Runs the SPARQL updates of queries/summaries/ in the order of their names, into {@link GraphNames#SUMMARIES}. */
    public static void storeSummaries(DatasetGraph dsg, ProjectLayout layout) {
        dsg.removeGraph(NodeFactory.createURI(GraphNames.SUMMARIES));
        for (Path file : updates(layout)) GraphSource.update(dsg, read(file, layout));
    }

    static List<Path> updates(ProjectLayout layout) {
        Path dir = layout.queriesDir().resolve("summaries");
        if (!Files.isDirectory(dir)) throw new InputException(layout.display(dir) + ": no such directory (the summaries' updates)");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ru")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(layout.display(dir) + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static UpdateRequest read(Path file, ProjectLayout layout) {
        try {
            return UpdateFactory.create(Files.readString(file));
        } catch (QueryParseException e) {
            throw new InputException(layout.display(file) + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(layout.display(file) + ": cannot read: " + e.getMessage(), e);
        }
    }
}
