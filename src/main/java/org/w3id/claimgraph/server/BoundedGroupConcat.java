package org.w3id.claimgraph.server;

import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * GROUP_CONCAT that stops growing at {@link QueryLimits#MAX_STRING} characters: past it the group's value is
 * an aggregate error (unbound), as for any value the aggregate cannot compute, instead of a string that
 * grows until the heap is gone.
 */
final class BoundedGroupConcat {
    private BoundedGroupConcat() {}

    /** The bounded form of a GROUP_CONCAT aggregator; any other aggregator as it is. */
    static Aggregator of(Aggregator agg) {
        if (agg instanceof Plain || agg instanceof Distinct) return agg;
        if (agg instanceof AggGroupConcat g) return new Plain(g.getExprList().get(0), g.getSeparator());
        if (agg instanceof AggGroupConcatDistinct g) return new Distinct(g.getExprList().get(0), g.getSeparator());
        return agg;
    }

    private static String effective(String separator) {
        return separator == null ? " " : separator;
    }

    private static final class Plain extends AggGroupConcat {
        Plain(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Accumulator createAccumulator() {
            return new Acc(getExpr(), effective(getSeparator()), false);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Plain(exprs.get(0), getSeparator());
        }
    }

    private static final class Distinct extends AggGroupConcatDistinct {
        Distinct(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Accumulator createAccumulator() {
            return new Acc(getExpr(), effective(getSeparator()), true);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Distinct(exprs.get(0), getSeparator());
        }
    }

    private static final class Acc extends AccumulatorExpr {
        private final StringBuilder soFar = new StringBuilder();
        private final String separator;
        private boolean first = true;

        Acc(Expr expr, String separator, boolean distinct) {
            super(expr, distinct);
            this.separator = separator;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
            String s = nv.asString();
            if ((long) soFar.length() + separator.length() + s.length() > QueryLimits.MAX_STRING) {
                throw GuardedText.tooLong("GROUP_CONCAT");
            }
            if (!first) soFar.append(separator);
            soFar.append(s);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {}

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(soFar.toString());
        }
    }
}
