package org.w3id.claimgraph.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.Page;
import org.w3id.claimgraph.project.Prefixes;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.ResultFormat;
import org.w3id.claimgraph.query.TextTable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query",
        mixinStandardHelpOptions = true,
        description = {
                "Run a named query of queries/ against the seed graph (built and verified first), a TDB2 database or a SPARQL endpoint.",
                "Parameter values are bound as RDF terms of the parameter's type; an IRI may be given as a prefixed name (concept:magnesium)."
        })
final class QueryCommand implements Callable<Integer> {

    @Option(names = "--list", description = "List the named queries with their parameters and titles.")
    boolean list;

    @Option(names = "--show", description = "Print the exact query text that would be run (parameters bound, defaults applied, rules resolved, the page applied) instead of running it.")
    boolean show;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The query: its file name in queries/ without .rq.")
    String name;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter value; repeat for several.")
    List<String> params = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            converter = FormatConverter.class,
            description = "table (default), csv, tsv, json or xml (the W3C SPARQL result formats).")
    ResultFormat format;

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows (a page of a large result).")
    Long limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N rows (with --limit, the page that starts after them).")
    Long offset;

    @Mixin
    GraphSourceOptions source;

    static final class FormatConverter implements CommandLine.ITypeConverter<ResultFormat> {
        @Override
        public ResultFormat convert(String value) {
            try {
                return ResultFormat.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.locate();
        QueryLibrary library = QueryLibrary.load(layout);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (list) {
            printList(library, out);
            return ExitCode.OK;
        }
        if (name == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a query NAME or --list");
        }
        NamedQuery query = library.get(name);
        Page page = new Page(limit, offset == null ? 0 : offset);
        Query bound = page.applyTo(query.bind(values()));
        if (show) {
            // What is sent to an endpoint, and run on a local graph: the values substituted, the defaults
            // applied, the rules' judgements resolved, the page applied; any SPARQL tool gives the same rows.
            out.print(bound.serialize());
            out.flush();
            return ExitCode.OK;
        }
        try (GraphSource graph = source.open(layout, List.of())) {
            graph.stream(bound, null, rows -> {
                format.write(rows, out, Prefixes.forQuery(bound.getPrefixMapping()));
                return null;
            });
        }
        out.flush();
        return ExitCode.OK;
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--param " + p + ": expected NAME=VALUE");
            }
            String key = p.substring(0, eq);
            if (values.put(key, p.substring(eq + 1)) != null) {
                throw new InputException("--param " + key + " is given more than once");
            }
        }
        return values;
    }

    private static void printList(QueryLibrary library, PrintStream out) {
        TextTable table = new TextTable(List.of("name", "parameters", "title"));
        for (NamedQuery q : library.all()) {
            table.add(List.of(q.name(), String.join(" ", q.params().stream().map(NamedQuery.Param::synopsis).toList()), q.title()));
        }
        table.print(out);
    }
}
