package org.w3id.claimgraph.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

/** The named queries of queries/, by name (the file name without .rq). */
public final class QueryLibrary {
    private final Map<String, NamedQuery> queries;

    private QueryLibrary(Map<String, NamedQuery> queries) {
        this.queries = queries;
    }

    public static QueryLibrary load(ProjectLayout layout) {
        Path dir = layout.queriesDir();
        Map<String, NamedQuery> found = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted()
                        .map(NamedQuery::read).forEach(q -> found.put(q.name(), q));
            } catch (IOException e) {
                throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
            }
        }
        return new QueryLibrary(found);
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
