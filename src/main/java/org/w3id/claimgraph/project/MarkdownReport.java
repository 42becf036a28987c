package org.w3id.claimgraph.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report file such as BENCHMARKS.md that several commands write parts of: each command writes its own level-2
 * sections ({@code ## Heading}), each in the place of its namesake, and the sections it did not write stay where they
 * were. Written atomically.
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    /**
     * Writes {@code text} into {@code file}: each {@code ##} section of it replaces the file's of the same heading, the
     * file's other sections stay. Text before the first {@code ##} of {@code text} (a title) replaces the file's.
     */
    public static void writeOwnSections(Path file, String text) {
        try {
            String merged = Files.isRegularFile(file) ? merge(Files.readString(file, StandardCharsets.UTF_8), text) : text;
            AtomicFile.write(file, out -> out.write(merged.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the report: " + e.getMessage(), e);
        }
    }

    /**
     * The sections of {@code existing} in their order, each that {@code own} has replaced by its, then the sections of
     * {@code own} that {@code existing} did not have.
     */
    public static String merge(String existing, String own) {
        Map<String, String> ownSections = sections(own);
        Map<String, String> merged = new LinkedHashMap<>();
        if (ownSections.containsKey("")) merged.put("", ownSections.get(""));
        sections(existing).forEach((heading, text) -> merged.putIfAbsent(heading, ownSections.getOrDefault(heading, text)));
        ownSections.forEach(merged::putIfAbsent);
        StringBuilder out = new StringBuilder();
        for (String text : merged.values()) {
            if (out.length() > 0 && !out.toString().endsWith("\n\n")) out.append(out.toString().endsWith("\n") ? "\n" : "\n\n");
            out.append(text);
        }
        return out.toString();
    }

    /** The sections of a Markdown text by heading (the text before the first heading under ""), in order. */
    static Map<String, String> sections(String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = "";
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : text.split("(?<=\n)")) {
            if (line.startsWith("```")) fenced = !fenced;
            if (!fenced && line.startsWith("## ")) {
                if (!lines.isEmpty()) sections.merge(heading, String.join("", lines), String::concat);
                heading = line.strip();
                lines = new ArrayList<>();
            }
            lines.add(line);
        }
        if (!lines.isEmpty()) sections.merge(heading, String.join("", lines), String::concat);
        return sections;
    }
}
