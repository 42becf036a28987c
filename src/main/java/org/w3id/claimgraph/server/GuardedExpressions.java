package org.w3id.claimgraph.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLang;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

/**
 * Rewrites a query's algebra so that the SPARQL functions that can run without end or build without bound
 * do neither: REGEX and REPLACE match through {@link GuardedText} (they stop with their request), CONCAT,
 * REPLACE, ENCODE_FOR_URI, UCASE, LCASE and GROUP_CONCAT give up past {@link QueryLimits#MAX_STRING}
 * characters, and STRLANG with a malformed language tag is an expression error (unbound) rather than a
 * failure of the whole query. Each replacement is a subclass of the Jena expression it replaces, so the
 * optimizer and the serializer treat it as the original.
 */
final class GuardedExpressions {
    private GuardedExpressions() {}

    /** The algebra with every such expression replaced, wherever it occurs (filters, BIND, ORDER BY, EXISTS ...). */
    static Op guard(Op op) {
        return Walker.transform(op, new Aggregates(), new Functions());
    }

    private static final class Functions extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunction1 func, Expr arg) {
            if (func instanceof E_StrEncodeForURI && !(func instanceof EncodeForUri)) return new EncodeForUri(arg);
            if (func instanceof E_StrUpperCase && !(func instanceof UpperCase)) return new UpperCase(arg);
            if (func instanceof E_StrLowerCase && !(func instanceof LowerCase)) return new LowerCase(arg);
            return super.transform(func, arg);
        }

        @Override
        public Expr transform(ExprFunction2 func, Expr arg1, Expr arg2) {
            if (func instanceof E_StrLang && !(func instanceof StrLang)) return new StrLang(arg1, arg2);
            return super.transform(func, arg1, arg2);
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof Regex)) return new Regex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
            if (func instanceof E_StrReplace && !(func instanceof Replace)) {
                return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            }
            if (func instanceof E_StrConcat && !(func instanceof Concat)) return new Concat(args);
            return super.transform(func, args);
        }
    }

    /** GROUP_CONCAT, bounded. */
    private static final class Aggregates extends TransformCopy {
        @Override
        public Op transform(OpGroup group, Op sub) {
            List<ExprAggregator> aggregators = new ArrayList<>();
            boolean changed = false;
            for (ExprAggregator agg : group.getAggregators()) {
                Aggregator bounded = BoundedGroupConcat.of(agg.getAggregator());
                changed |= bounded != agg.getAggregator();
                aggregators.add(bounded == agg.getAggregator() ? agg : new ExprAggregator(agg.getVar(), bounded));
            }
            return changed ? OpGroup.create(sub, group.getGroupVars(), aggregators) : super.transform(group, sub);
        }
    }

    static final class Regex extends E_Regex {
        private final Pattern constant;

        Regex(Expr text, Expr pattern, Expr flags) {
            super(text, pattern, flags);
            this.constant = pattern.isConstant() && (flags == null || flags.isConstant())
                    ? GuardedText.pattern("REGEX", pattern.getConstant(), flags == null ? null : flags.getConstant()) : null;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Pattern p = constant != null ? constant : GuardedText.pattern("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null);
            return NodeValue.booleanReturn(GuardedText.find("REGEX", args.get(0), p));
        }

        @Override
        public Expr copy(ExprList args) {
            return new Regex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
        }
    }

    static final class Replace extends E_StrReplace {
        private final Pattern constant;

        Replace(Expr text, Expr pattern, Expr replacement, Expr flags) {
            super(text, pattern, replacement, flags);
            this.constant = pattern.isConstant() && (flags == null || flags.isConstant())
                    ? GuardedText.pattern("REPLACE", pattern.getConstant(), flags == null ? null : flags.getConstant()) : null;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Pattern p = constant != null ? constant : GuardedText.pattern("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null);
            return GuardedText.replace(args.get(0), p, args.get(2));
        }

        @Override
        public Expr copy(ExprList args) {
            return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
        }
    }

    static final class Concat extends E_StrConcat {
        Concat(ExprList args) {
            super(args);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            long length = 0;
            for (NodeValue v : args) {
                if (v.isLiteral()) length += v.asNode().getLiteralLexicalForm().length();
            }
            if (length > QueryLimits.MAX_STRING) throw GuardedText.tooLong("CONCAT");
            return super.eval(args);
        }

        @Override
        public Expr copy(ExprList args) {
            return new Concat(args);
        }
    }

    static final class EncodeForUri extends E_StrEncodeForURI {
        EncodeForUri(Expr arg) {
            super(arg);
        }

        @Override
        public NodeValue eval(NodeValue v) {
            return GuardedText.bounded("ENCODE_FOR_URI", super.eval(v));
        }

        @Override
        public Expr copy(Expr arg) {
            return new EncodeForUri(arg);
        }
    }

    static final class UpperCase extends E_StrUpperCase {
        UpperCase(Expr arg) {
            super(arg);
        }

        @Override
        public NodeValue eval(NodeValue v) {
            return GuardedText.bounded("UCASE", super.eval(v));
        }

        @Override
        public Expr copy(Expr arg) {
            return new UpperCase(arg);
        }
    }

    static final class LowerCase extends E_StrLowerCase {
        LowerCase(Expr arg) {
            super(arg);
        }

        @Override
        public NodeValue eval(NodeValue v) {
            return GuardedText.bounded("LCASE", super.eval(v));
        }

        @Override
        public Expr copy(Expr arg) {
            return new LowerCase(arg);
        }
    }

    /** STRLANG with a language tag Jena cannot take is an expression error, not a failed query. */
    static final class StrLang extends E_StrLang {
        StrLang(Expr text, Expr lang) {
            super(text, lang);
        }

        private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

        @Override
        public NodeValue eval(NodeValue v1, NodeValue v2) {
            if (v2.isString() && !LANGUAGE_TAG.matcher(v2.getString()).matches()) {
                throw new ExprEvalException("STRLANG: not a language tag: \"" + v2.getString() + "\"");
            }
            try {
                return super.eval(v1, v2);
            } catch (ExprEvalException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ExprEvalException("STRLANG: not a language tag: " + v2);
            }
        }

        @Override
        public Expr copy(Expr e1, Expr e2) {
            return new StrLang(e1, e2);
        }
    }
}
