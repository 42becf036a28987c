package org.w3id.claimgraph.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the line of a curated file that mentions something (a claim, a quote, a checksum), so that problems
 * found after parsing, and findings about a claim, point at a line a curator can open. The one place that says
 * where a claim is written: the line of its name, {@code claim:ID}, as a whole name.
 */
public final class SourceLines {
    private SourceLines() {}

    /** The file's lines; none when it cannot be read. */
    public static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** 1-based line and column of the first line containing any of the needles (tried in order), or null. */
    public static long[] find(Path file, String... needles) {
        List<String> lines = read(file);
        for (String needle : needles) {
            if (needle == null || needle.isEmpty()) continue;
            for (int i = 0; i < lines.size(); i++) {
                int col = lines.get(i).indexOf(needle);
                if (col >= 0) return new long[] {i + 1, col + 1};
            }
        }
        return null;
    }

    /**
     * 1-based line and column where the claim {@code claim:ID} is first named: the name standing alone (after
     * white space or at the start of a line, and not continued by a letter, digit or hyphen), so that
     * {@code claim:002-001} is not found inside {@code claim:002-0011}; null when it is not named.
     */
    public static long[] claim(List<String> lines, String claimId) {
        String name = "claim:" + claimId;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + 1)) {
                int end = at + name.length();
                boolean whole = end == line.length() || !Character.isLetterOrDigit(line.charAt(end)) && line.charAt(end) != '-';
                if (whole && (at == 0 || Character.isWhitespace(line.charAt(at - 1)))) return new long[] {i + 1, at + 1};
            }
        }
        return null;
    }

    /** The problem placed at the first needle found in {@code file}; as it was when none is. */
    public static BuildProblem locate(BuildProblem problem, Path file, String... needles) {
        return at(problem, find(file, needles));
    }

    /** The problem placed where the claim is named in {@code file}, else at the first of the other needles found. */
    public static BuildProblem locateClaim(BuildProblem problem, Path file, String claimId, String... needles) {
        long[] at = claim(read(file), claimId);
        return at != null ? at(problem, at) : locate(problem, file, needles);
    }

    private static BuildProblem at(BuildProblem problem, long[] position) {
        return position == null ? problem : problem.withLine(position[0], position[1]);
    }
}
