package org.w3id.claimgraph.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command rewrites its own sections of a shared report and leaves the others as they were. */
class MarkdownReportTest {

    @Test
    void theBenchmarkRewritesItsSectionsAndKeepsIngestAndServing() throws Exception {
        String existing = "# Benchmarks\n\nold run\n\n## Loading\n\nold figures\n\n## Ingest\n\nrecall 73.9 %\n\n## Serving under load\n\np99 418 ms\n";
        String bench = "# Benchmarks\n\nnew run\n\n## Loading\n\nnew figures\n";
        assertEquals("# Benchmarks\n\nnew run\n\n## Loading\n\nnew figures\n\n## Ingest\n\nrecall 73.9 %\n\n## Serving under load\n\np99 418 ms\n",
                MarkdownReport.merge(existing, bench));
    }

    @Test
    void aSectionWithoutTitleReplacesItsNamesakeAndKeepsTheTitle(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        Files.writeString(file, "# Benchmarks\n\nrun\n\n## Loading\n\nfigures\n\n## Ingest\n\nold\n```\n## not a heading\n```\n", StandardCharsets.UTF_8);
        MarkdownReport.writeOwnSections(file, "## Ingest\n\nnew\n");
        assertEquals("# Benchmarks\n\nrun\n\n## Loading\n\nfigures\n\n## Ingest\n\nnew\n", Files.readString(file));
    }
}
