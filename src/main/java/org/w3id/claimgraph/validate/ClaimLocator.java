package org.w3id.claimgraph.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.SourceLines;

/**
 * Says where a claim is written, as a compiler names a source line: its curated file and line
 * ({@code seeds/claims/002_880d95a52fef6df5.ttl:14}) when the project has that file, else its
 * document ({@code doc:002_880d95a52fef6df5}). The line is found by {@link SourceLines#claim}, as the build finds it.
 */
public final class ClaimLocator {
    private final ProjectLayout layout;
    private final Map<Path, List<String>> files = new HashMap<>();

    public ClaimLocator(ProjectLayout layout) {
        this.layout = layout;
    }

    public String locate(String documentId, String claimId) {
        if (documentId == null) return "<graph>";
        Path file = layout.claimsDir().resolve(documentId + ".ttl");
        if (!Files.isRegularFile(file)) return "doc:" + documentId;
        long[] at = SourceLines.claim(files.computeIfAbsent(file, SourceLines::read), claimId);
        return layout.display(file) + (at != null ? ":" + at[0] : "");
    }
}
