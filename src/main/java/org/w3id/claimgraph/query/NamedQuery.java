package org.w3id.claimgraph.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.Prefixes;

/**
 * A SPARQL query kept as a file in queries/, with a header of comment lines that describe it:
 * <pre>
 * # title: Claims about a concept
 * # description: Every claim whose subject or object is the concept or anything narrower.
 * # param: concept iri - The concept, e.g. concept:magnesium
 * # param: includeWeak boolean true Also list weakly supported claims
 * # param: document iri ? Only this document (optional)
 * </pre>
 * A parameter line is {@code # param: NAME TYPE DEFAULT description}. NAME is the query variable the value
 * is bound to; TYPE is one of {@code iri string integer decimal boolean} ({@link ParamType}); DEFAULT is
 * {@code -} for a required parameter, {@code ?} for an optional one that stays unbound when not given, or
 * the value used when it is not given. Several {@code description:} lines are joined.
 */
public record NamedQuery(String name, String title, String description, List<Param> params, String text, Path file,
                         Query query) {

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * One parameter; {@code defaultValue} is null when there is none, {@code example} (from a header line
     * {@code # example: NAME VALUE}) when the header gives none.
     */
    public record Param(String name, ParamType type, boolean required, String defaultValue, String description, String example) {
        /** A value to show as an example: the header's example, else the default; null when there is neither. */
        public String exampleValue() {
            return example != null ? example : defaultValue;
        }

        /** How the parameter is shown in a list: {@code concept:iri}, {@code [document:iri]}, {@code [minClaims:integer=1]}. */
        public String synopsis() {
            String core = name + ":" + type.keyword() + (defaultValue == null ? "" : "=" + defaultValue);
            return required ? core : "[" + core + "]";
        }
    }

    /** The name of the query in {@code file}: the file name without .rq. */
    public static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(".rq") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }

    /** Reads a query file as it is. */
    public static NamedQuery read(Path file) {
        return read(file, UnaryOperator.identity());
    }

    /**
     * Reads a query file; {@code resolve} turns its parsed query into the one that runs (the named queries have
     * their references to rules resolved, see {@link QueryLibrary}).
     */
    public static NamedQuery read(Path file, UnaryOperator<Query> resolve) {
        String name = nameOf(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        String title = name;
        String description = "";
        List<Param> params = new ArrayList<>();
        Map<String, String> examples = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        Query parsed = resolve.apply(parse(file, text));
        PrefixMapping prefixes = Prefixes.forQuery(parsed.getPrefixMapping());
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (!trimmed.startsWith("#")) break;
            String body = trimmed.substring(1).strip();
            int colon = body.indexOf(':');
            if (colon < 0) continue;
            String key = body.substring(0, colon).strip();
            String value = body.substring(colon + 1).strip();
            switch (key) {
                case "title" -> title = value;
                case "description" -> description = description.isEmpty() ? value : description + " " + value;
                case "param" -> {
                    Param p = parseParam(file + ":" + (i + 1), value, text, prefixes);
                    if (params.stream().anyMatch(q -> q.name().equals(p.name()))) {
                        throw new InputException(file + ":" + (i + 1) + ": parameter '" + p.name() + "' is declared twice");
                    }
                    params.add(p);
                }
                case "example" -> {
                    String[] parts = value.split("\\s+", 2);
                    if (parts.length < 2) throw new InputException(file + ":" + (i + 1) + ": an example line needs NAME VALUE: " + value);
                    examples.put(parts[0], parts[1]);
                }
                default -> { }
            }
        }
        for (Map.Entry<String, String> e : examples.entrySet()) {
            int at = params.stream().map(Param::name).toList().indexOf(e.getKey());
            if (at < 0) throw new InputException(file + ": an example for '" + e.getKey() + "', which is not a parameter");
            Param p = params.get(at);
            try {
                p.type().parse(e.getValue(), prefixes);
            } catch (IllegalArgumentException ex) {
                throw new InputException(file + ": the example of '" + p.name() + "': " + ex.getMessage());
            }
            params.set(at, new Param(p.name(), p.type(), p.required(), p.defaultValue(), p.description(), e.getValue()));
        }
        NamedQuery query = new NamedQuery(name, title, description, List.copyOf(params), text, file, parsed);
        query.checkBindable();
        return query;
    }

    /**
     * Binds every parameter to a sample value and checks that the result still serializes to SPARQL that
     * parses: a remote endpoint receives the serialized form. {@code BOUND(?param)} is the usual culprit (a
     * bound variable becomes a constant, and BOUND takes only a variable); use {@code COALESCE} instead.
     */
    private void checkBindable() {
        if (params.isEmpty()) return;
        Map<Var, Node> samples = new LinkedHashMap<>();
        for (Param p : params) samples.put(Var.alloc(p.name()), p.type().sample());
        Query bound;
        try {
            bound = QueryTransformOps.replaceVars(parse(), samples);
            QueryFactory.create(bound.toString());
        } catch (RuntimeException e) {
            throw new InputException(file + ": the query cannot take its parameters as values ("
                    + String.join(", ", params.stream().map(Param::name).toList())
                    + "); use COALESCE rather than BOUND on a parameter: " + e.getMessage(), e);
        }
    }

    private static Param parseParam(String where, String spec, String text, PrefixMapping prefixes) {
        String[] parts = spec.split("\\s+", 4);
        if (parts.length < 3) {
            throw new InputException(where + ": a param line needs NAME TYPE DEFAULT [description]: " + spec);
        }
        String paramName = parts[0];
        if (!PARAM_NAME.matcher(paramName).matches()) {
            throw new InputException(where + ": '" + paramName + "' is not a SPARQL variable name");
        }
        if (Page.PARAMETERS.contains(paramName)) {
            throw new InputException(where + ": '" + paramName + "' is reserved for paging (limit and offset), name the parameter otherwise");
        }
        if (!Pattern.compile("[?$]" + paramName + "\\b").matcher(withoutComments(text)).find()) {
            throw new InputException(where + ": parameter '" + paramName + "' is not a variable (?" + paramName + ") of the query");
        }
        ParamType type;
        try {
            type = ParamType.of(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
        boolean required = parts[2].equals("-");
        String def = required || parts[2].equals("?") ? null : parts[2];
        if (def != null) {
            try {
                type.parse(def, prefixes);
            } catch (IllegalArgumentException e) {
                throw new InputException(where + ": the default of '" + paramName + "': " + e.getMessage());
            }
        }
        return new Param(paramName, type, required, def, parts.length > 3 ? parts[3] : "", null);
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?m)^\\s*#.*$", "");
    }

    public Optional<Param> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** The query that runs (a copy, free to change): the file's, parsed, with its references resolved. */
    public Query parse() {
        return query.cloneQuery();
    }

    private static Query parse(Path file, String text) {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new InputException(file + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        }
    }

    /** The names of the result columns, in order. */
    public List<String> columns() {
        return parse().getResultVars();
    }

    /** The prefixes a parameter value may use: the standard ones and those the query declares. */
    public PrefixMapping prefixes() {
        return Prefixes.forQuery(parse().getPrefixMapping());
    }

    /**
     * The query with the given values bound: each value is checked against its parameter's type, turned
     * into an RDF term and substituted for the variable in the query's syntax tree (not in its text).
     * Parameters not given take their default or stay unbound.
     *
     * @throws ParameterException naming the parameter that is unknown, missing or of the wrong type
     */
    public Query bind(Map<String, String> values) {
        Map<Var, Node> substitution = arguments(values);
        Query query = parse();
        if (substitution.isEmpty()) return query;
        Query bound = QueryTransformOps.replaceVars(query, substitution);
        dropConstantGroupKeys(bound);
        return bound;
    }

    /**
     * A parameter read in a grouped sub-select, which projects it, comes out of the substitution both as
     * {@code SELECT (<value> AS ?p)} and as {@code GROUP BY (<value> AS ?p)}: one variable defined twice, which
     * SPARQL 1.1 does not allow (Virtuoso refuses the query). Grouping by a constant beside other keys changes no
     * group, so that key is dropped; a constant that is the only key stays.
     */
    private static void dropConstantGroupKeys(Query query) {
        VarExprList keys = query.getGroupBy();
        for (Var v : List.copyOf(keys.getVars())) {
            Expr e = keys.getExpr(v);
            if (e != null && e.isConstant() && keys.size() > 1) keys.remove(v);
        }
        if (query.getQueryPattern() == null) return;
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementSubQuery sub) {
                dropConstantGroupKeys(sub.getQuery());
            }
        });
    }

    /** The RDF terms the values (and the defaults) stand for, by variable. */
    public Map<Var, Node> arguments(Map<String, String> values) {
        for (String given : values.keySet()) {
            if (param(given).isEmpty()) {
                throw new ParameterException(given, "query " + name + ": unknown parameter '" + given + "' ("
                        + (params.isEmpty() ? "it takes no parameters" : "parameters: "
                        + String.join(", ", params.stream().map(Param::name).toList())) + ")");
            }
        }
        PrefixMapping prefixes = prefixes();
        Map<Var, Node> substitution = new LinkedHashMap<>();
        for (Param p : params) {
            String value = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue();
            if (value == null) {
                if (p.required()) {
                    throw new ParameterException(p.name(), "query " + name + ": missing parameter '" + p.name() + "' ("
                            + p.type().keyword() + ": " + p.type().expected() + ")"
                            + (p.description().isEmpty() ? "" : ": " + p.description()));
                }
                continue;
            }
            try {
                substitution.put(Var.alloc(p.name()), p.type().parse(value, prefixes));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(p.name(), "query " + name + ": parameter '" + p.name() + "' ("
                        + p.type().keyword() + "): " + e.getMessage());
            }
        }
        return substitution;
    }
}
