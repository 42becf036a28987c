package org.w3id.claimgraph.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.w3id.claimgraph.ingest.IngestBenchmark;
import org.w3id.claimgraph.project.MarkdownReport;
import org.w3id.claimgraph.project.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest-bench",
        mixinStandardHelpOptions = true,
        description = {
                "Measure ingest: the seed texts ingested afresh and compared with the curated claims (recall and precision per document, misses by kind), articles per second over generated articles, and the time for a 2,000-word article.",
                "Prints a Markdown section (or writes it to --out)."
        })
final class IngestBenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "1000", paramLabel = "N", description = "How many generated articles to ingest (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the Markdown section into FILE (such as BENCHMARKS.md), in place of its Ingest section; the file's other sections stay.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("claimgraph-ingest-bench");
        IngestBenchmark bench = new IngestBenchmark(ProjectLayout.locate(), articles, work);
        try {
            String md = IngestBenchmark.markdown("./claimgraph ingest-bench --articles " + articles, bench.quality(), bench.speed());
            if (out != null) MarkdownReport.writeOwnSections(out, md);
            else System.out.print(md);
        } finally {
            bench.cleanUp();
        }
        return ExitCode.OK;
    }
}
