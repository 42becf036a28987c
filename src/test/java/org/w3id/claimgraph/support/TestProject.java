package org.w3id.claimgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.w3id.claimgraph.project.ProjectLayout;

/**
 * A copy of the project's data in a temporary directory that a test may break on purpose: the real
 * ontology, queries and documents, with either the real curated seeds or a small fixture set.
 */
public final class TestProject {
    /** The repository root (surefire runs tests from it). */
    public static final Path REPO = ProjectLayout.locate().home();

    private final Path home;

    private TestProject(Path home) {
        this.home = home;
    }

    /** The real ontology, queries and all seeds. */
    public static TestProject copyOfSeeds(Path dir) {
        copyTree(REPO.resolve("ontology"), dir.resolve("ontology"));
        copyTree(REPO.resolve("queries"), dir.resolve("queries"));
        copyTree(REPO.resolve("seeds"), dir.resolve("seeds"));
        return new TestProject(dir);
    }

    /** The real ontology, queries and documents, with the fixture concepts and two claims on document 003. */
    public static TestProject minimal(Path dir) {
        copyTree(REPO.resolve("ontology"), dir.resolve("ontology"));
        copyTree(REPO.resolve("queries"), dir.resolve("queries"));
        copyTree(REPO.resolve("seeds/documents"), dir.resolve("seeds/documents"));
        Path fixtures = REPO.resolve("src/test/resources/fixtures/minimal");
        copy(fixtures.resolve("concepts.ttl"), dir.resolve("seeds/concepts/concepts.ttl"));
        copy(fixtures.resolve("claims-003.ttl"), dir.resolve("seeds/claims/003_497fb625f584bf77.ttl"));
        return new TestProject(dir);
    }

    public ProjectLayout layout() {
        return new ProjectLayout(home);
    }

    public Path home() {
        return home;
    }

    public Path path(String relative) {
        return home.resolve(relative);
    }

    /** Replaces the first occurrence of {@code from} in a file; fails if it is not there. */
    public TestProject replace(String relative, String from, String to) {
        Path file = path(relative);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = text.indexOf(from);
            if (at < 0) throw new AssertionError("fixture " + relative + " does not contain: " + from);
            Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestProject write(String relative, String content) {
        try {
            Files.createDirectories(path(relative).getParent());
            Files.writeString(path(relative), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else copy(p, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
