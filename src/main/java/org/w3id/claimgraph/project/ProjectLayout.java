package org.w3id.claimgraph.project;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's data lives: ontology/, seeds/ and queries/ under one home directory. The launcher
 * passes the repository root as the system property {@code claimgraph.home}; tests run from it.
 */
public record ProjectLayout(Path home) {
    public static final String HOME_PROPERTY = "claimgraph.home";

    public static ProjectLayout locate() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home = configured != null ? Path.of(configured) : Path.of("");
        return new ProjectLayout(home.toAbsolutePath().normalize());
    }

    public Path ontologyDir() { return home.resolve("ontology"); }
    public Path seedsDir() { return home.resolve("seeds"); }
    public Path documentsDir() { return seedsDir().resolve("documents"); }
    public Path claimsDir() { return seedsDir().resolve("claims"); }
    public Path conceptsDir() { return seedsDir().resolve("concepts"); }
    public Path referencesFile() { return seedsDir().resolve("references.ttl"); }
    public Path queriesDir() { return home.resolve("queries"); }

    /** A path as a person reads it in a message: relative to the home directory when inside it. */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
    }

    /** Fails with an input error when the layout lacks its ontology or seeds. */
    public ProjectLayout requireExists() {
        for (Path dir : new Path[] {ontologyDir(), documentsDir()}) {
            if (!Files.isDirectory(dir)) {
                throw new InputException("no " + home.relativize(dir) + " directory under " + home
                        + " (set -D" + HOME_PROPERTY + "=<repository root> or run from it)");
            }
        }
        return this;
    }
}
