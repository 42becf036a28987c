package org.w3id.claimgraph.summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.Report;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.TurtleReportWriter;
import org.w3id.claimgraph.validate.Validator;

/**
 * The computations of this package: the stored findings ({@link #addFindings}), the per-claim summaries
 * ({@link #addSummaries}) and the facet totals ({@link #addTotals}), each a build phase, and all three again after
 * a checked write ({@link #recompute}). Each reads the dataset and adds what it computes once no query over the
 * dataset runs any more (nothing is added to a dataset while a query over it still iterates): the findings once
 * every rule has run, the summaries' quads kept meanwhile in bounded batches ({@link ComputedQuads}).
 */
public final class Summaries {
    /** The graphs this package computes, which nothing else writes. */
    public static final List<String> GRAPHS = List.of(GraphNames.FINDINGS, GraphNames.SUMMARIES);

    /** The variable a positions query lists its items in. */
    private static final Var ITEM = Var.alloc("item");
    private static final Node INDEX_POSITION = CG.cg("indexPosition");

    /** How many computed quads are kept in memory before a batch goes to a temporary file. */
    static final int BATCH = 200_000;

    private Summaries() {}

    /** What one computation sends. */
    @FunctionalInterface
    private interface Computation {
        void compute(DatasetGraph dsg, ProjectLayout layout, StreamRDF out);
    }

    /**
     * Adds the findings of every rule to {@code dsg} (a build phase, after the derivation): directly, since every
     * rule's query has finished when the report is written.
     */
    public static void addFindings(DatasetGraph dsg, ProjectLayout layout) {
        findings(dsg, layout, new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                dsg.add(quad);
            }
        });
    }

    /** Adds the per-claim summaries and statistics to {@code dsg} (a build phase, after {@link #addFindings}). */
    public static void addSummaries(DatasetGraph dsg, ProjectLayout layout) {
        add(dsg, layout, Summaries::summaries);
    }

    /** Adds the facet totals to {@code dsg} (a build phase, after {@link #addSummaries}). */
    public static void addTotals(DatasetGraph dsg, ProjectLayout layout) {
        add(dsg, layout, Summaries::totals);
    }

    /**
     * Replaces the findings and summaries graphs of {@code dsg} with what the data now gives: after a checked
     * write (and the derivation it caused), inside that write, so that nothing read from them is stale. They are
     * computed on an in-memory copy of the other graphs (the rules and summary queries over a layered view of a
     * pending write are many times slower), then put in place of the old ones.
     */
    public static void recompute(DatasetGraph dsg, ProjectLayout layout) {
        List<Node> graphs = GRAPHS.stream().map(NodeFactory::createURI).toList();
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(copy, () -> {
            dsg.find().forEachRemaining(q -> {
                if (!graphs.contains(q.getGraph())) copy.add(q);
            });
            addFindings(copy, layout);
            addSummaries(copy, layout);
            addTotals(copy, layout);
        });
        for (Node graph : graphs) dsg.deleteAny(graph, Node.ANY, Node.ANY, Node.ANY);
        Txn.executeRead(copy, () -> graphs.forEach(graph -> copy.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(dsg::add)));
    }

    private static void add(DatasetGraph dsg, ProjectLayout layout, Computation computation) {
        try (ComputedQuads computed = new ComputedQuads(BATCH)) {
            computation.compute(dsg, layout, computed);
            computed.addTo(dsg);
        }
    }

    /**
     * Runs every rule of ontology/rules.ttl over all claims (one query a rule) and then sends the findings as a
     * SHACL validation report in the graph {@link GraphNames#FINDINGS}.
     */
    static void findings(DatasetGraph dsg, ProjectLayout layout, StreamRDF out) {
        Validator validator = Validator.load(layout);
        GraphSource source = GraphSource.of(dsg, "built dataset");
        List<Finding> found = validator.validate(source, RuleEngine.Kind.SPARQL, validator.rules().all());
        Node graph = NodeFactory.createURI(GraphNames.FINDINGS);
        // Every finding, those on candidates too (the claim page shows them, and the summaries read them).
        TurtleReportWriter.triples(new Report(source.description(), RuleEngine.Kind.SPARQL, validator.rules().all(), null, found, List.of()),
                t -> out.quad(Quad.create(graph, t)));
    }

    /**
     * Runs the CONSTRUCT queries of queries/summaries/ in the order of their names and sends their triples in the
     * graph {@link GraphNames#SUMMARIES}. They read the findings, so they run after {@link #findings}.
     */
    static void summaries(DatasetGraph dsg, ProjectLayout layout, StreamRDF out) {
        construct(dsg, layout, layout.queriesDir().resolve("summaries"), out);
        positions(dsg, layout, layout.queriesDir().resolve("summaries/positions"), out);
    }

    /**
     * Runs the SELECT queries of queries/summaries/positions/, each listing items (?item) in the order of a list the
     * explorer pages through, and sends each item's place in it, from 0, as {@code ?item cg:indexPosition n} in the
     * graph {@link GraphNames#SUMMARIES}: a page of the list is then the items of a range of positions, read from
     * the index on cg:indexPosition, instead of every item sorted again on every request. SPARQL cannot number
     * rows, so this is the one summary computed outside a CONSTRUCT. A project without the directory (a corpus
     * generated before it existed, whose own queries/explorer/ sorts its lists) gets no positions.
     */
    static void positions(DatasetGraph dsg, ProjectLayout layout, Path dir, StreamRDF out) {
        if (!Files.isDirectory(dir)) return;
        GraphSource source = GraphSource.of(dsg, "built dataset");
        Node graph = NodeFactory.createURI(GraphNames.SUMMARIES);
        for (Path file : queries(layout, dir)) {
            Query query = NamedQuery.read(file).parse();
            if (!query.isSelectType() || !query.getResultVars().contains(ITEM.getVarName()) || !query.hasOrderBy()) {
                throw new InputException(layout.display(file) + ": a list's positions come from a SELECT query of ?item with an ORDER BY");
            }
            source.stream(query, null, rows -> {
                long position = 0;
                while (rows.hasNext()) {
                    Node item = rows.next().get(ITEM);
                    if (item != null) out.quad(Quad.create(graph, item, INDEX_POSITION, NodeFactory.createLiteralDT(Long.toString(position++), XSDDatatype.XSDinteger)));
                }
                return position;
            });
        }
    }

    /**
     * Runs the CONSTRUCT queries of queries/summaries/totals/, which count the claims of each value of each facet
     * property over the summaries, so they run after {@link #summaries}; their triples go in the same graph.
     */
    static void totals(DatasetGraph dsg, ProjectLayout layout, StreamRDF out) {
        construct(dsg, layout, layout.queriesDir().resolve("summaries/totals"), out);
    }

    private static void construct(DatasetGraph dsg, ProjectLayout layout, Path dir, StreamRDF out) {
        GraphSource source = GraphSource.of(dsg, "built dataset");
        Node graph = NodeFactory.createURI(GraphNames.SUMMARIES);
        for (Path file : queries(layout, dir)) {
            Query query = NamedQuery.read(file).parse();
            if (!query.isConstructType()) throw new InputException(layout.display(file) + ": a summary is a CONSTRUCT query");
            source.construct(query, null, t -> out.quad(Quad.create(graph, t)));
        }
    }

    private static List<Path> queries(ProjectLayout layout, Path dir) {
        if (!Files.isDirectory(dir)) throw new InputException(layout.display(dir) + ": no such directory (the summaries' queries)");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(layout.display(dir) + ": cannot list: " + e.getMessage(), e);
        }
    }
}
