package org.w3id.claimgraph.server;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.QueryEngineMain;
import org.apache.jena.sparql.util.Context;

/**
 * ARQ's main query engine with two additions, for every query run on the served dataset (SPARQL endpoint,
 * named-query API, explorer, the WHERE part of updates): the algebra is rewritten by
 * {@link GuardedExpressions} before it is optimized, and the execution's cancel signal follows the request's
 * {@link QueryDeadline.Ticket}, so that the memory guard can stop it. Installed as the only engine of the
 * served dataset's context ({@link #install}); nothing else in the JVM uses it.
 */
final class GuardedEngine extends QueryEngineMain {
    private static final QueryEngineFactory FACTORY = new QueryEngineFactory() {
        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return true;
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
            return new GuardedEngine(query, dataset, input, context).getPlan();
        }

        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) {
            return true;
        }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
            return new GuardedEngine(op, dataset, input, context).getPlan();
        }
    };

    private GuardedEngine(Query query, DatasetGraph dataset, Binding input, Context context) {
        super(query, dataset, input, context);
    }

    private GuardedEngine(Op op, DatasetGraph dataset, Binding input, Context context) {
        super(op, dataset, input, context);
    }

    /** Makes this engine the only one for queries run with {@code context}. */
    static void install(Context context) {
        QueryEngineRegistry registry = new QueryEngineRegistry();
        registry.add(FACTORY);
        QueryEngineRegistry.set(context, registry);
    }

    @Override
    protected Op modifyOp(Op op) {
        return super.modifyOp(GuardedExpressions.guard(op));
    }

    @Override
    public QueryIterator eval(Op op, DatasetGraph dsg, Binding input, Context context) {
        QueryDeadline.current().ifPresent(ticket -> ticket.adopt(Context.getCancelSignal(context)));
        return super.eval(op, dsg, input, context);
    }
}
