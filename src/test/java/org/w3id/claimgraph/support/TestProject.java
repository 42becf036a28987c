package org.w3id.claimgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * A project home for a test, in a directory the test owns: the real ontology and queries with the curated seeds,
 * a small fixture set, or both, which a test may change or break on purpose. The one helper that copies a project.
 */
public final class TestProject {
    /** The repository root (surefire runs tests from it). */
    public static final Path REPO = ProjectLayout.locate().home();
    /** Seeds made to trip each validation rule (three fictional documents, 901 to 903). */
    public static final Path VALIDATION_FIXTURE = REPO.resolve("src/test/resources/validate/fixture/seeds");
    /** Two fictional documents (900 and 901) with claims, concepts and references for the named queries. */
    public static final Path QUERY_FIXTURE = REPO.resolve("src/test/resources/query-fixture");

    private final Path home;

    private TestProject(Path home) {
        this.home = home.toAbsolutePath().normalize();
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

    /** The real ontology (rules and vocabularies included) and queries, with the validation fixture's seeds instead of the curated ones. */
    public static TestProject validationFixture(Path dir) {
        copyTree(REPO.resolve("ontology"), dir.resolve("ontology"));
        copyTree(REPO.resolve("queries"), dir.resolve("queries"));
        copyTree(VALIDATION_FIXTURE, dir.resolve("seeds"));
        return new TestProject(dir);
    }

    /**
     * The validation fixture holds no candidate (a claim ingest proposed): one claim with no review status becomes one
     * (cg:status cg:Candidate), so that the rule candidate flags something as well. The claim, for the test's messages.
     */
    public static org.apache.jena.graph.Node withOneCandidate(org.apache.jena.sparql.core.DatasetGraph dataset) {
        var status = org.apache.jena.graph.NodeFactory.createURI(org.w3id.claimgraph.project.CG.NS + "status");
        var claimType = org.apache.jena.graph.NodeFactory.createURI(org.w3id.claimgraph.project.CG.NS + "Claim");
        return org.apache.jena.system.Txn.calculateWrite(dataset, () -> {
            var claim = org.apache.jena.atlas.iterator.Iter.first(dataset.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY,
                    org.apache.jena.vocabulary.RDF.type.asNode(), claimType),
                    q -> !dataset.contains(org.apache.jena.graph.Node.ANY, q.getSubject(), status, org.apache.jena.graph.Node.ANY));
            if (claim == null) throw new IllegalStateException("the validation fixture has no claim without a review status");
            dataset.add(claim.getGraph(), claim.getSubject(), status, org.apache.jena.graph.NodeFactory.createURI(org.w3id.claimgraph.project.CG.NS + "Candidate"));
            return claim.getSubject();
        });
    }

    /** The real ontology and queries, with the query fixture as the only seeds. */
    public static TestProject queryFixture(Path dir) {
        copyTree(REPO.resolve("ontology"), dir.resolve("ontology"));
        copyTree(REPO.resolve("queries"), dir.resolve("queries"));
        copyTree(QUERY_FIXTURE, dir.resolve("seeds"));
        return new TestProject(dir);
    }

    /**
     * The curated seeds with the query fixture added (its documents, claims and concepts beside the seeds' own,
     * its references appended to theirs). The fixture uses IRIs no curated seed uses, so it can stand beside any
     * state of the seeds.
     */
    public static TestProject seedsWithQueryFixture(Path dir) {
        TestProject project = copyOfSeeds(dir);
        ProjectLayout layout = project.layout();
        copyNew(QUERY_FIXTURE.resolve("documents"), layout.documentsDir());
        copyNew(QUERY_FIXTURE.resolve("claims"), layout.claimsDir());
        copyNew(QUERY_FIXTURE.resolve("concepts"), layout.conceptsDir());
        try {
            Files.writeString(layout.referencesFile(), Files.readString(QUERY_FIXTURE.resolve("references.ttl")),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return project;
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

    /** The project built and verified in memory, as check builds it. */
    public Dataset build() {
        return GraphBuild.create().layout(layout()).build();
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

    /** Copies the files of {@code from} into {@code to}, refusing to replace one that is there. */
    private static void copyNew(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                Path target = to.resolve(f.getFileName());
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target + ": the fixture would replace a seed file");
                }
                Files.copy(f, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
