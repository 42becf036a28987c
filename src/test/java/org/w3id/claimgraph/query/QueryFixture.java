package org.w3id.claimgraph.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.project.Prefixes;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * The graphs the query tests run on, each built once per test JVM with the real build:
 * <ul>
 * <li>{@link #seeds()}: the repository's ontology and seeds as they are;</li>
 * <li>{@link #withFixture()}: the same plus the query fixture of src/test/resources/query-fixture/ (two small
 * fictional documents, 900_queryfixture and 901_queryfixture, their claims, fx- concepts, fixture references and
 * upper limits), assembled in a temporary copy of the repository so that it goes through the same checks.</li>
 * </ul>
 * The fixture uses IRIs no curated seed uses (claim:900-*, claim:901-*, concept:fx-*, reference:fx-*), so
 * it can stand beside any state of the seeds.
 * <p>
 * Every test that needs the seed graph as the build makes it reads this one rather than building its own (a build of
 * the seeds is seconds of CPU): the graphs are shared, so a test only reads them; one that changes the graph
 * changes a copy (as {@code server.Seed} makes).
 */
public final class QueryFixture {
    private static DatasetGraph seeds;
    private static DatasetGraph withFixture;
    private static ProjectLayout fixtureLayout;

    private QueryFixture() {}

    public static synchronized DatasetGraph seeds() {
        if (seeds == null) seeds = GraphBuild.create().layout(ProjectLayout.locate()).build().asDatasetGraph();
        return seeds;
    }

    public static synchronized DatasetGraph withFixture() {
        if (withFixture == null) withFixture = GraphBuild.create().layout(fixtureLayout()).build().asDatasetGraph();
        return withFixture;
    }

    /** A temporary copy of the repository's ontology/, seeds/ and queries/ with the fixture added. */
    public static synchronized ProjectLayout fixtureLayout() {
        if (fixtureLayout == null) {
            try {
                Path home = Files.createTempDirectory("claimgraph-query-fixture");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home)));
                fixtureLayout = TestProject.seedsWithQueryFixture(home).layout();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fixtureLayout;
    }

    public static QueryLibrary library() {
        return QueryLibrary.load(ProjectLayout.locate());
    }

    /** Runs a named query with the given parameters on a dataset, in memory. */
    public static RowSetRewindable run(DatasetGraph dsg, String name, Map<String, String> params) {
        Query query = library().get(name).bind(params);
        return GraphSource.of(dsg, "test").select(query);
    }

    /** The rows as lists of cells, IRIs in prefixed form and literals by lexical form, as the table shows them. */
    public static List<List<String>> cells(RowSetRewindable rows) {
        rows.reset();
        List<Var> vars = rows.getResultVars();
        List<List<String>> out = new ArrayList<>();
        rows.forEachRemaining(b -> out.add(vars.stream().map(v -> show(b.get(v))).toList()));
        return out;
    }

    /** The rows as maps from variable to term, for comparing results exactly across targets. */
    public static List<Map<String, Node>> terms(RowSetRewindable rows) {
        rows.reset();
        List<Var> vars = rows.getResultVars();
        List<Map<String, Node>> out = new ArrayList<>();
        rows.forEachRemaining((Binding b) -> {
            Map<String, Node> row = new LinkedHashMap<>();
            for (Var v : vars) row.put(v.getVarName(), b.get(v));
            out.add(row);
        });
        return out;
    }

    /**
     * The rows as {@link #terms(RowSetRewindable)} gives them where the query orders them; where it does not (the
     * export-like queries, which come in the order the store finds them), in the order of their text, so that two
     * stores' answers compare as the same rows.
     */
    public static List<Map<String, Node>> terms(Query query, RowSetRewindable rows) {
        List<Map<String, Node>> out = terms(rows);
        if (!query.hasOrderBy()) out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    static String show(Node node) {
        return node == null ? "" : TextTable.show(node, Prefixes.standard());
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
