package org.w3id.claimgraph.server;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryBuildException;
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
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_Call;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_StrLang;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprException;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.function.FunctionEnvBase;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.path.P_FixedLength;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * What a request may not ask the server to do, checked on the parsed request before anything runs:
 * no {@code SERVICE} (the server makes no outgoing connections), no {@code LOAD} (which would fetch a URL or
 * read a local file), no function this server does not offer ({@link GuardedFunctions}: nothing loaded by
 * class name, nothing run as a script, no {@code afn:wait}), no path repeated more than
 * {@link QueryLimits#MAX_PATH_REPEAT} times ({@code p{n,m}}), and no call that is bound to fail whatever the
 * data: a function given the wrong number of arguments, a call whose arguments are all constants and whose
 * value is an error (a bad format, language tag or pattern), a REPLACE whose replacement text is malformed.
 * The dataset context also switches SERVICE off ({@code ARQ.httpServiceAllowed}) and holds only the
 * server's functions; this check makes each refusal a clear 400 instead of a quiet unbound value.
 */
final class RequestPolicy {
    private static final String SCRIPT_FUNCTIONS = "http://jena.apache.org/ARQ/";
    private static final Context FUNCTIONS = functionContext();

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

    private static Context functionContext() {
        Context context = Context.create();
        GuardedFunctions.install(context);
        return context;
    }

    private static final class Finder extends OpVisitorBase {
        String reason;
        final ExprVisitorBase functions = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function f) checkFunction(f.getFunctionIRI(), new ExprList(f.getArgs()), f);
                else if (func instanceof E_Call call) checkCall(call);
                else if (func instanceof E_StrReplace replace) checkReplace(replace);
            }

            @Override
            public void visit(ExprFunction2 func) {
                if (func instanceof E_StrLang lang && lang.getArg1().isConstant() && lang.getArg2().isConstant()) {
                    evaluate(new GuardedExpressions.StrLang(lang.getArg1(), lang.getArg2()), "STRLANG");
                }
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
            if (path.getTriplePath().getPath() != null) checkPath(path.getTriplePath().getPath());
        }

        private void checkTriple(Triple t) {
            checkPredicate(t.getPredicate());
        }

        private void checkPredicate(Node p) {
            if (p != null && p.isURI() && p.getURI().startsWith(ARQConstants.javaClassURIScheme)) {
                refuse("property functions loaded by class name are disabled on this server (<" + p.getURI() + ">)");
            }
        }

        private void checkPath(Path path) {
            if (path instanceof P_Mod mod) {
                long min = mod.getMin();
                long max = mod.getMax();
                if (min > QueryLimits.MAX_PATH_REPEAT || max > QueryLimits.MAX_PATH_REPEAT) {
                    refuse("path repetition " + path + " is above this server's limit of " + QueryLimits.MAX_PATH_REPEAT
                            + " (use * or + for any length)");
                } else if (min >= 0 && max >= 0 && min > max) {
                    refuse("path repetition " + path + ": the lower bound is above the upper bound");
                }
            } else if (path instanceof P_FixedLength fixed && fixed.getCount() > QueryLimits.MAX_PATH_REPEAT) {
                refuse("path repetition " + path + " is above this server's limit of " + QueryLimits.MAX_PATH_REPEAT
                        + " (use * or + for any length)");
            }
            if (path instanceof P_Path1 one) checkPath(one.getSubPath());
            if (path instanceof P_Path2 two) {
                checkPath(two.getLeft());
                checkPath(two.getRight());
            }
        }

        private void checkCall(E_Call call) {
            ExprList args = new ExprList(call.getArgs());
            if (args.size() > 0 && args.get(0).isConstant() && args.get(0).getConstant().isIRI()) {
                checkFunction(args.get(0).getConstant().asNode().getURI(), new ExprList(args.getList().subList(1, args.size())), null);
            }
        }

        private void checkFunction(String iri, ExprList args, E_Function call) {
            if (iri == null) return;
            if (iri.startsWith(ARQConstants.javaClassURIScheme)) {
                refuse("functions loaded by class name are disabled on this server (<" + iri + ">)");
                return;
            }
            if (iri.startsWith(SCRIPT_FUNCTIONS) && iri.contains("Function#")) {
                refuse("script functions are disabled on this server (<" + iri + ">)");
                return;
            }
            if (!GuardedFunctions.isAvailable(iri)) {
                refuse("the function <" + iri + "> is not available on this server");
                return;
            }
            try {
                GuardedFunctions.factory(iri).orElseThrow().create(iri).build(iri, args, FUNCTIONS);
            } catch (QueryBuildException | ExprException e) {
                refuse("<" + iri + ">: " + e.getMessage());
                return;
            }
            if (iri.equals(GuardedFunctions.SPRINTF) && args.size() > 0 && args.get(0).isConstant()
                    && args.get(0).getConstant().isString()) {
                GuardedFunctions.formatProblem(args.get(0).getConstant().getString()).ifPresent(this::refuse);
            }
            if (call != null && allConstant(args)) evaluate(call.copy(args), "<" + iri + ">");
        }

        private void checkReplace(E_StrReplace replace) {
            Expr replacement = replace.getArg(3);
            if (replacement != null && replacement.isConstant() && replacement.getConstant().isString()) {
                String problem = replacementProblem(replacement.getConstant().getString());
                if (problem != null) refuse("REPLACE: " + problem);
            }
        }

        /** A call with constant arguments that fails whatever the data is refused, with the reason. */
        private void evaluate(Expr call, String name) {
            try {
                call.eval(BindingFactory.empty(), new FunctionEnvBase(FUNCTIONS));
            } catch (ExprException | IllegalArgumentException e) {
                refuse(name + " fails with these arguments: " + e.getMessage());
            }
        }

        private void refuse(String why) {
            if (reason == null) reason = why;
        }
    }

    private static boolean allConstant(ExprList args) {
        for (Expr e : args) if (!e.isConstant()) return false;
        return true;
    }

    /** Java's replacement syntax: a backslash escapes the next character, {@code $} starts a group reference. */
    static String replacementProblem(String rep) {
        for (int i = 0; i < rep.length(); i++) {
            char c = rep.charAt(i);
            if (c == '\\') {
                if (++i == rep.length()) return "the replacement ends with a lone backslash (write \\\\\\\\ for one)";
            } else if (c == '$') {
                if (i + 1 == rep.length()) return "the replacement ends with a lone $ (write \\\\$ for a dollar sign)";
                char d = rep.charAt(i + 1);
                if (d == '{') {
                    int end = rep.indexOf('}', i);
                    if (end < 0) return "a group name in the replacement is not closed with }";
                } else if (!Character.isDigit(d)) {
                    return "$ in the replacement must be followed by a group number or {name} (write \\\\$ for a dollar sign)";
                }
            }
        }
        return null;
    }
}
