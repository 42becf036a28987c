package org.w3id.claimgraph.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.UnionDefaultGraph;
import org.w3id.claimgraph.store.TdbStore;

/**
 * The graph to validate: the seed graph built from the project (with extra RDF files), a TDB2 database,
 * or a SPARQL endpoint. A local graph can be validated by Jena SHACL or by SPARQL; an endpoint only by
 * SPARQL queries.
 */
public final class ValidationSource {
    private final String description;
    private final SparqlService sparql;
    private final DatasetGraph dataset;
    private final Graph unionGraph;

    private ValidationSource(String description, SparqlService sparql, DatasetGraph dataset, Graph unionGraph) {
        this.description = description;
        this.sparql = sparql;
        this.dataset = dataset;
        this.unionGraph = unionGraph;
    }

    /** The verified seed graph of the project, with extra RDF files verified and validated together with it. */
    public static ValidationSource seeds(ProjectLayout layout, List<Path> extraFiles) {
        GraphBuild build = GraphBuild.create().layout(layout);
        extraFiles.forEach(build::extraFile);
        return of(build.build(), extraFiles.isEmpty() ? "seed graph" : "seed graph with " + extraFiles.size() + " extra file(s)");
    }

    /** An in-memory dataset whose named graphs hold the data (as {@link GraphBuild} makes it). */
    public static ValidationSource of(Dataset dataset, String description) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        DatasetGraph view = UnionDefaultGraph.wrap(dsg);
        return new ValidationSource(description, SparqlService.local(view, description), dsg, dsg.getUnionGraph());
    }

    /** A TDB2 database directory holding the dataset (all its named graphs), queried as the union of its graphs. */
    public static ValidationSource tdb(Path dir) {
        DatasetGraph dsg = TdbStore.connect(dir);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        String description = "TDB2 database " + dir;
        return new ValidationSource(description, SparqlService.local(dsg, description), dsg, dsg.getUnionGraph());
    }

    /** A SPARQL 1.1 endpoint whose default graph is the union of the claim graph's named graphs. */
    public static ValidationSource endpoint(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InputException("--endpoint: not an http(s) URL: " + url);
        }
        return new ValidationSource("endpoint " + url, SparqlService.remote(url), null, null);
    }

    /**
     * Fails with an input error when the graph lacks the claimgraph vocabularies: the rules read grade
     * ranks and maximum grades from the graph and would silently find nothing without them.
     */
    public ValidationSource requireVocabularies(ProjectLayout layout) {
        NamedQuery check = NamedQuery.read(layout.queriesDir().resolve("validate/vocabularies-present.rq"));
        if (!sparql.ask(check.parse())) {
            throw new InputException(description + ": the graph has no claimgraph vocabularies (grades with cg:rank);"
                    + " load the whole dataset, ontology graph included, and make its default graph the union of the named graphs");
        }
        return this;
    }

    public String description() {
        return description;
    }

    public SparqlService sparql() {
        return sparql;
    }

    /** The local dataset, for engines that need the graph itself; empty for an endpoint. */
    public Optional<DatasetGraph> dataset() {
        return Optional.ofNullable(dataset);
    }

    /** The union of the local dataset's graphs, the data graph a SHACL engine validates. */
    public Optional<Graph> unionGraph() {
        return Optional.ofNullable(unionGraph);
    }
}
