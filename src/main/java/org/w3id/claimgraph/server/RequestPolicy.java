package org.w3id.claimgraph.server;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * What a request may not ask the server to do, checked on the parsed request before anything runs:
 * no {@code SERVICE} (the server makes no outgoing connections), no functions loaded by class name
 * ({@code <java:...>}) or run as scripts, and no {@code LOAD} (which would fetch a URL or read a local
 * file). The dataset context also switches SERVICE off ({@code ARQ.httpServiceAllowed}); this check makes
 * the refusal a clear 400 even for {@code SERVICE SILENT}, which would otherwise quietly return nothing.
 */
final class RequestPolicy {
    private static final String SCRIPT_FUNCTIONS = "http://jena.apache.org/ARQ/";

    private RequestPolicy() {}

    /** Why the query is refused, or empty if it may run. */
    static Optional<String> refusal(Query query) {
        return refusal(Algebra.compile(query));
    }

    /** Why the update is refused, or empty if it may run. */
    static Optional<String> refusal(UpdateRequest request) {
        for (Update update : request.getOperations()) {
            if (update instanceof UpdateLoad load) {
                return Optional.of("LOAD is disabled on this server: it does not fetch data (<"
                        + load.getSource() + ">); send the data in the request instead (Graph Store Protocol)");
            }
            if (update instanceof UpdateModify modify) {
                Optional<String> why = refusal(modify.getWherePattern());
                if (why.isPresent()) return why;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refusal(Element pattern) {
        return pattern == null ? Optional.empty() : refusal(Algebra.compile(pattern));
    }

    private static Optional<String> refusal(Op op) {
        Finder finder = new Finder();
        Walker.walk(op, finder, finder.functions);
        return Optional.ofNullable(finder.reason);
    }

    private static final class Finder extends OpVisitorBase {
        String reason;
        final ExprVisitorBase functions = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function f) checkFunction(f.getFunctionIRI());
            }
        };

        @Override
        public void visit(OpService service) {
            refuse("SERVICE is disabled on this server: it makes no outgoing requests (SERVICE "
                    + service.getService() + ")");
        }

        // Jena's walker does not descend into sort conditions or aggregates.
        @Override
        public void visit(OpGroup group) {
            group.getAggregators().forEach(agg -> {
                if (agg.getAggregator().getExprList() != null) {
                    agg.getAggregator().getExprList().forEach(e -> Walker.walk(e, this, functions));
                }
            });
        }

        @Override
        public void visit(OpOrder order) {
            order.getConditions().forEach(c -> Walker.walk(c.getExpression(), this, functions));
        }

        @Override
        public void visit(OpTopN top) {
            top.getConditions().forEach(c -> Walker.walk(c.getExpression(), this, functions));
        }

        @Override
        public void visit(OpBGP bgp) {
            bgp.getPattern().forEach(this::checkTriple);
        }

        @Override
        public void visit(OpTriple triple) {
            checkTriple(triple.getTriple());
        }

        @Override
        public void visit(OpQuadPattern quads) {
            quads.getPattern().getList().stream().map(Quad::asTriple).forEach(this::checkTriple);
        }

        @Override
        public void visit(OpPath path) {
            checkPredicate(path.getTriplePath().getPredicate());
        }

        private void checkTriple(Triple t) {
            checkPredicate(t.getPredicate());
        }

        private void checkPredicate(Node p) {
            if (p != null && p.isURI() && p.getURI().startsWith(ARQConstants.javaClassURIScheme)) {
                refuse("property functions loaded by class name are disabled on this server (<" + p.getURI() + ">)");
            }
        }

        private void checkFunction(String iri) {
            if (iri == null) return;
            if (iri.startsWith(ARQConstants.javaClassURIScheme)) {
                refuse("functions loaded by class name are disabled on this server (<" + iri + ">)");
            } else if (iri.startsWith(SCRIPT_FUNCTIONS) && iri.contains("Function#")) {
                refuse("script functions are disabled on this server (<" + iri + ">)");
            }
        }

        private void refuse(String why) {
            if (reason == null) reason = why;
        }
    }
}
