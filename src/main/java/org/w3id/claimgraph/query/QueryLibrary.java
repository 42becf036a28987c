package org.w3id.claimgraph.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.rules.RuleReferences;
import org.w3id.claimgraph.rules.RuleSet;

/**
 * The named queries of queries/, by name (the file name without .rq). A query that reads a rule's judgement
 * ({@code ?r sh:focusNode ?claim ; sh:sourceShape cgr:no-evidence}) runs with the rule's own query in its place
 * ({@link RuleReferences}), the rules read from ontology/rules.ttl when a query needs them.
 */
public final class QueryLibrary {
    private final Map<String, NamedQuery> queries;

    private QueryLibrary(Map<String, NamedQuery> queries) {
        this.queries = queries;
    }

    public static QueryLibrary load(ProjectLayout layout) {
        return load(layout.queriesDir(), resolver(layout));
    }

    /** The queries of a directory, each made runnable by {@code resolve}. */
    public static QueryLibrary load(Path dir, UnaryOperator<Query> resolve) {
        Map<String, NamedQuery> found = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted()
                        .map(f -> NamedQuery.read(f, resolve)).forEach(q -> found.put(q.name(), q));
            } catch (IOException e) {
                throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
            }
        }
        return new QueryLibrary(found);
    }

    /** Resolves references to the rules of the project, reading the rules the first time a query has one. */
    public static UnaryOperator<Query> resolver(ProjectLayout layout) {
        RuleSet[] rules = new RuleSet[1];
        return query -> {
            if (!RuleReferences.mayReferToRules(query.serialize())) return query;
            if (rules[0] == null) rules[0] = RuleSet.load(layout);
            return RuleReferences.resolve(query, rules[0]);
        };
    }

    public List<NamedQuery> all() {
        return List.copyOf(queries.values());
    }

    public Optional<NamedQuery> find(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    public NamedQuery get(String name) {
        return find(name).orElseThrow(() -> new InputException("no query named '" + name + "' in queries/ (try: claimgraph query --list)"));
    }
}
