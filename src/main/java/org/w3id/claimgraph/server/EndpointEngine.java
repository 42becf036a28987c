package org.w3id.claimgraph.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.PlanOp;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.util.Context;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * The query engine of a server over a SPARQL endpoint ({@code serve --endpoint URL}): each query, once the server
 * has checked and rewritten it as for any other store, is sent whole to the endpoint (through
 * {@link GraphSource#endpoint}, within the server's timeout), and its rows come back as the query's solutions, so
 * Fuseki writes them, or builds a CONSTRUCT's triples or an ASK's answer from them, as it would from its own
 * engine. The server holds nothing of the graph, so several servers can stand side by side over one store.
 * Refused with a 400, because the endpoint would answer it otherwise than a server of claimgraph's own: DESCRIBE
 * (whose description is the engine's own choice); {@link SafeQuery} refuses FROM and FROM NAMED before.
 */
final class EndpointEngine implements QueryEngineFactory {
    private final GraphSource source;
    private final Duration timeout;

    private EndpointEngine(GraphSource source, Duration timeout) {
        this.source = source;
        this.timeout = timeout;
    }

    /** Makes this engine, forwarding to {@code source}, the only one for queries run with {@code context}. */
    static void install(Context context, GraphSource source, Duration timeout) {
        QueryEngineRegistry registry = new QueryEngineRegistry();
        registry.add(new EndpointEngine(source, timeout));
        QueryEngineRegistry.set(context, registry);
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return true;
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
        if (query.isDescribeType()) {
            throw new QueryException("DESCRIBE is not supported by this server, which reads a SPARQL endpoint: ask with CONSTRUCT instead");
        }
        // The solutions of the query's WHERE with its modifiers: what SELECT returns and CONSTRUCT and ASK are made from.
        Query sent = query.cloneQuery();
        if (!sent.isSelectType()) {
            boolean ask = sent.isAskType();
            sent.setQuerySelectType();
            sent.setQueryResultStar(true);
            if (ask) sent.setLimit(1);
        }
        List<Binding> rows = source.stream(sent, timeout, r -> {
            List<Binding> all = new ArrayList<>();
            r.forEachRemaining(all::add);
            return all;
        });
        Op op = Algebra.compile(query);
        return new PlanOp(op, null, QueryIterPlainWrapper.create(rows.iterator(), ExecutionContext.create(dataset, context)));
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        return false;
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding inputBinding, Context context) {
        throw new UnsupportedOperationException("a server over an endpoint runs whole queries only");
    }
}
