package org.w3id.claimgraph.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A query file is read, parsed and checked the first time it is asked for, once: running one query reads one
 * file, not every file of the directory (parsing them all was most of a short CLI call). {@link #all} reads every
 * one, so a server or a listing still meets a broken file before it answers.
 */
public final class QueryLibrary {
    /** The query files by name, in the order of their names. */
    private final Map<String, Path> files;
    private final UnaryOperator<Query> resolve;
    private final Map<String, NamedQuery> read = new ConcurrentHashMap<>();

    private QueryLibrary(Map<String, Path> files, UnaryOperator<Query> resolve) {
        this.files = files;
        this.resolve = resolve;
    }

    public static QueryLibrary load(ProjectLayout layout) {
        return load(layout.queriesDir(), resolver(layout));
    }

    /** The queries of a directory, each made runnable by {@code resolve} when it is first read. */
    public static QueryLibrary load(Path dir, UnaryOperator<Query> resolve) {
        Map<String, Path> found = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted()
                        .forEach(f -> found.put(NamedQuery.nameOf(f), f));
            } catch (IOException e) {
                throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
            }
        }
        return new QueryLibrary(found, resolve);
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

    /** Every query, in the order of their names; the first broken file fails the call. */
    public List<NamedQuery> all() {
        return files.keySet().stream().map(this::read).toList();
    }

    public Optional<NamedQuery> find(String name) {
        return files.containsKey(name) ? Optional.of(read(name)) : Optional.empty();
    }

    private NamedQuery read(String name) {
        return read.computeIfAbsent(name, n -> NamedQuery.read(files.get(n), resolve));
    }

    public NamedQuery get(String name) {
        return find(name).orElseThrow(() -> new InputException("no query named '" + name + "' in queries/ (try: claimgraph query --list)"));
    }
}
