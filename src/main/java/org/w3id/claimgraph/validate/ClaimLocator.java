package org.w3id.claimgraph.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.w3id.claimgraph.project.ProjectLayout;

/**
 * Says where a claim is written, as a compiler names a source line: its curated file and line
 * ({@code seeds/claims/002_880d95a52fef6df5.ttl:14}) when the project has that file, else its
 * document ({@code doc:002_880d95a52fef6df5}).
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
        int line = lineOf(file, "claim:" + claimId);
        return layout.display(file) + (line > 0 ? ":" + line : "");
    }

    private int lineOf(Path file, String name) {
        List<String> lines = files.computeIfAbsent(file, f -> {
            try {
                return Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return List.of();
            }
        });
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf(name);
            while (at >= 0) {
                int end = at + name.length();
                boolean whole = end == line.length() || !Character.isLetterOrDigit(line.charAt(end)) && line.charAt(end) != '-';
                if (whole && (at == 0 || Character.isWhitespace(line.charAt(at - 1)))) return i + 1;
                at = line.indexOf(name, at + 1);
            }
        }
        return 0;
    }
}
