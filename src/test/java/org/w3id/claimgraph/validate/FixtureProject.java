package org.w3id.claimgraph.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * A project home for tests: the project's own ontology/ (rules and vocabularies included) and queries/,
 * with the validation fixture's seeds (src/test/resources/validate/fixture/seeds) instead of the
 * curated ones, so the tests check the real rules against claims made to trip each of them.
 */
public final class FixtureProject {
    public static final Path FIXTURE_SEEDS = Path.of("src/test/resources/validate/fixture/seeds");

    private FixtureProject() {}

    /** Copies the project's ontology and queries and the fixture seeds into {@code home}. */
    public static ProjectLayout create(Path home) {
        ProjectLayout project = ProjectLayout.locate();
        copy(project.ontologyDir(), home.resolve("ontology"));
        copy(project.queriesDir(), home.resolve("queries"));
        copy(project.home().resolve(FIXTURE_SEEDS), home.resolve("seeds"));
        return new ProjectLayout(home.toAbsolutePath().normalize());
    }

    public static Dataset build(ProjectLayout layout) {
        return GraphBuild.create().layout(layout).build();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
