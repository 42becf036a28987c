package org.w3id.claimgraph.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.function.library.bnode;
import org.apache.jena.sparql.function.library.date;
import org.apache.jena.sparql.function.library.e;
import org.apache.jena.sparql.function.library.evenInteger;
import org.apache.jena.sparql.function.library.langeq;
import org.apache.jena.sparql.function.library.localname;
import org.apache.jena.sparql.function.library.max;
import org.apache.jena.sparql.function.library.min;
import org.apache.jena.sparql.function.library.namespace;
import org.apache.jena.sparql.function.library.now;
import org.apache.jena.sparql.function.library.nowtz;
import org.apache.jena.sparql.function.library.pi;
import org.apache.jena.sparql.function.library.sha1sum;
import org.apache.jena.sparql.function.library.sqrt;
import org.apache.jena.sparql.function.library.strjoin;
import org.apache.jena.sparql.function.library.strlen;
import org.apache.jena.sparql.function.library.struuid;
import org.apache.jena.sparql.function.library.substr;
import org.apache.jena.sparql.function.library.substring;
import org.apache.jena.sparql.function.library.timezone;
import org.apache.jena.sparql.function.library.uuid;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * The functions a query may call on this server, as registries set on the served dataset's context, so that
 * every way of calling a function (a plain call, {@code CALL(<iri>, ...)} with a computed IRI,
 * {@code fn:apply}, inside an update) finds only these. Jena's registries load any class named by a
 * {@code java:} IRI (and map the {@code afn:}/{@code apf:} namespaces onto class names) the first time it is
 * asked for; these registries answer only from what is registered here, so no function is ever loaded by
 * name. Registered: the SPARQL and XPath functions and casts of Jena's standard registry, and a list of
 * ARQ's {@code afn:} functions. Not registered: {@code afn:wait} (holds a thread and cannot be cancelled),
 * {@code afn:print} (writes to the server's output), {@code afn:eval}, {@code afn:context},
 * {@code afn:version}, {@code afn:execTime}, {@code afn:systemVar}. Every function's result is kept within
 * {@link QueryLimits#MAX_STRING}; {@code afn:sprintf} refuses widths over {@link QueryLimits#MAX_FORMAT_WIDTH};
 * {@code fn:matches} and {@code fn:replace} match through {@link GuardedText}; an exception from a function
 * is an expression error (the value is unbound), never a failed request.
 */
final class GuardedFunctions {
    static final String AFN = ARQConstants.ARQFunctionLibraryURI;
    static final String FN = ARQConstants.fnPrefix;
    static final String SPRINTF = AFN + "sprintf";
    private static final Map<String, Class<?>> ARQ_LIBRARY = Map.ofEntries(
            Map.entry("localname", localname.class), Map.entry("namespace", namespace.class),
            Map.entry("sha1sum", sha1sum.class), Map.entry("strjoin", strjoin.class), Map.entry("strlen", strlen.class),
            Map.entry("substr", substr.class), Map.entry("substring", substring.class), Map.entry("min", min.class),
            Map.entry("max", max.class), Map.entry("pi", pi.class), Map.entry("e", e.class), Map.entry("sqrt", sqrt.class),
            Map.entry("now", now.class), Map.entry("nowtz", nowtz.class), Map.entry("bnode", bnode.class),
            Map.entry("uuid", uuid.class), Map.entry("struuid", struuid.class), Map.entry("evenInteger", evenInteger.class),
            Map.entry("langeq", langeq.class), Map.entry("date", date.class), Map.entry("timezone", timezone.class));
    /** Functions whose result is their arguments joined: the joined length is checked before it is built. */
    private static final Set<String> JOINING = Set.of(FN + "concat", AFN + "strjoin");
    /** Java format specifiers: %[index$][flags][width][.precision]conversion. */
    private static final Pattern SPECIFIER = Pattern.compile("%(\\d+\\$|<)?([-#+ 0,(]*)(\\d+)?(\\.\\d+)?([tT]?[a-zA-Z%])?");
    private static final Closed FUNCTIONS = build();

    private GuardedFunctions() {}

    /** Sets the function and property function registries of this server on {@code context}. */
    static void install(Context context) {
        FunctionRegistry.set(context, functions());
        PropertyFunctionRegistry.set(context, propertyFunctions());
    }

    /** Whether a function IRI may be called here. */
    static boolean isAvailable(String iri) {
        return FUNCTIONS.isRegistered(iri);
    }

    static Optional<FunctionFactory> factory(String iri) {
        return Optional.ofNullable(FUNCTIONS.get(iri));
    }

    private static FunctionRegistry functions() {
        return FUNCTIONS;
    }

    private static Closed build() {
        FunctionRegistry standard = FunctionRegistry.get();
        Closed registry = new Closed();
        for (Iterator<String> it = standard.keys(); it.hasNext(); ) {
            String iri = it.next();
            registry.put(iri, capped(iri, standard.get(iri)));
        }
        ARQ_LIBRARY.forEach((name, cls) -> {
            FunctionRegistry one = new FunctionRegistry();
            one.put(AFN + name, cls);
            registry.put(AFN + name, capped(AFN + name, one.get(AFN + name)));
        });
        registry.put(SPRINTF, capped(SPRINTF, iri -> new Sprintf()));
        registry.put(FN + "matches", capped(FN + "matches", iri -> new Matches()));
        registry.put(FN + "replace", capped(FN + "replace", iri -> new Replace()));
        return registry;
    }

    private static FunctionFactory capped(String iri, FunctionFactory factory) {
        String name = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        return uri -> new Capped(name, factory.create(uri), JOINING.contains(iri));
    }

    /** A function registry that answers only from its entries: never loads a class named by the IRI. */
    private static final class Closed extends FunctionRegistry {
        @Override
        public FunctionFactory get(String uri) {
            return isRegistered(uri) ? super.get(uri) : null;
        }
    }

    private static PropertyFunctionRegistry propertyFunctions() {
        PropertyFunctionRegistry standard = PropertyFunctionRegistry.get();
        PropertyFunctionRegistry closed = new PropertyFunctionRegistry() {
            @Override
            public boolean manages(String uri) {
                return isRegistered(uri);
            }

            @Override
            public PropertyFunctionFactory get(String uri) {
                return isRegistered(uri) ? super.get(uri) : null;
            }
        };
        for (Iterator<String> it = standard.keys(); it.hasNext(); ) {
            String iri = it.next();
            closed.put(iri, standard.get(iri));
        }
        return closed;
    }

    /** Why a format string is refused, or empty: widths and precisions are bounded. */
    static Optional<String> formatProblem(String format) {
        Matcher m = SPECIFIER.matcher(format);
        while (m.find()) {
            for (String number : new String[] {m.group(3), m.group(4) == null ? null : m.group(4).substring(1)}) {
                if (number != null && (number.length() > 6 || Integer.parseInt(number) > QueryLimits.MAX_FORMAT_WIDTH)) {
                    return Optional.of("sprintf: the format asks for a width or precision of " + number
                            + "; this server allows at most " + QueryLimits.MAX_FORMAT_WIDTH);
                }
            }
        }
        return Optional.empty();
    }

    /** A registered function with its result bounded and its exceptions turned into expression errors. */
    private static final class Capped implements Function {
        private final String name;
        private final Function delegate;
        private final boolean joining;

        Capped(String name, Function delegate, boolean joining) {
            this.name = name;
            this.delegate = delegate;
            this.joining = joining;
        }

        @Override
        public void build(String uri, ExprList args, Context context) {
            delegate.build(uri, args, context);
        }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            try {
                if (joining && delegate instanceof FunctionBase base) {
                    List<NodeValue> values = new ArrayList<>();
                    long length = 0;
                    for (var arg : args) {
                        NodeValue v = arg.eval(binding, env);
                        if (v.isLiteral()) length += v.asNode().getLiteralLexicalForm().length();
                        values.add(v);
                    }
                    if (length > QueryLimits.MAX_STRING) throw GuardedText.tooLong(name);
                    return GuardedText.bounded(name, base.exec(values));
                }
                return GuardedText.bounded(name, delegate.exec(binding, args, uri, env));
            } catch (ExprEvalException | QueryCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ExprEvalException(name + ": " + e.getMessage());
            }
        }
    }

    /** afn:sprintf(format, value...), with widths and precisions bounded. */
    private static final class Sprintf extends FunctionBase {
        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() < 2) throw new org.apache.jena.query.QueryBuildException("sprintf takes a format and at least one value");
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            if (args.size() < 2) throw new ExprEvalException("sprintf takes a format and at least one value");
            if (!args.get(0).isString()) throw new ExprEvalException("sprintf: the format is not a string");
            formatProblem(args.get(0).getString()).ifPresent(why -> { throw new ExprEvalException(why); });
            return XSDFuncOp.javaSprintf(args.get(0), args.subList(1, args.size()));
        }
    }

    /** fn:matches(text, pattern[, flags]) through {@link GuardedText}. */
    private static final class Matches extends FunctionBase {
        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() < 2 || args.size() > 3) throw new org.apache.jena.query.QueryBuildException("fn:matches takes two or three arguments");
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return NodeValue.booleanReturn(GuardedText.find("fn:matches", args.get(0),
                    GuardedText.pattern("fn:matches", args.get(1), args.size() > 2 ? args.get(2) : null)));
        }
    }

    /** fn:replace(text, pattern, replacement[, flags]) through {@link GuardedText}. */
    private static final class Replace extends FunctionBase {
        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() < 3 || args.size() > 4) throw new org.apache.jena.query.QueryBuildException("fn:replace takes three or four arguments");
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return GuardedText.replace(args.get(0),
                    GuardedText.pattern("fn:replace", args.get(1), args.size() > 3 ? args.get(3) : null), args.get(2));
        }
    }
}
