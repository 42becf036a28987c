package org.w3id.claimgraph.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the line of a Turtle file that mentions something (a claim's short id, a quote), so that
 * problems found after parsing still point at a line a curator can open.
 */
public final class SourceLines {
    private SourceLines() {}

    /** 1-based line and column of the first line containing any of the needles, or null. */
    public static long[] find(Path file, String... needles) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        for (String needle : needles) {
            if (needle == null || needle.isEmpty()) continue;
            for (int i = 0; i < lines.size(); i++) {
                int col = lines.get(i).indexOf(needle);
                if (col >= 0) return new long[] {i + 1, col + 1};
            }
        }
        return null;
    }

    public static BuildProblem locate(BuildProblem problem, Path file, String... needles) {
        long[] at = find(file, needles);
        return at == null ? problem : problem.withLine(at[0], at[1]);
    }
}
