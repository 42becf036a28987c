package org.w3id.claimgraph.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import org.w3id.claimgraph.ingest.Ingest;
import org.w3id.claimgraph.ingest.UnknownConcept;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
                "Add an article (plain text or HTML) to the project as a source document with candidate claims: seeds/documents/ID.txt (the text; for HTML the extracted main text), ID.ttl (its metadata and SHA-256) and seeds/claims/ID.ttl (candidates, cg:status cg:Candidate).",
                "Sentences with a relation cue but no known concept are reported with the words that might name a new concept. The same text is never ingested twice; bad input writes nothing."
        })
final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The article: plain text (UTF-8) or HTML (.html/.htm, or starting with <html or <!DOCTYPE html).")
    Path file;

    @Option(names = "--title", paramLabel = "T", description = "The title (default: the HTML <title>, else the first line).")
    String title;

    @Option(names = "--publisher", paramLabel = "P", description = "Who published it.")
    String publisher;

    @Option(names = "--genre", paramLabel = "G", description = "vendor-page, health-news (default), educational or clinic-marketing.")
    String genre;

    @Option(names = "--url", paramLabel = "U", description = "Where it was found (recorded as dcterms:source).")
    String url;

    @Option(names = "--published", paramLabel = "DATE", description = "Its publication date, YYYY-MM-DD.")
    String published;

    @Option(names = "--home", paramLabel = "DIR", description = "The project home to ingest into (default: the repository).")
    Path home;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the sentences with no known concept to FILE instead of standard output.")
    Path report;

    @Override
    public Integer call() throws IOException {
        LocalDate date = null;
        if (published != null) {
            try {
                date = LocalDate.parse(published);
            } catch (DateTimeParseException e) {
                throw new InputException("--published " + published + ": not a date (YYYY-MM-DD)");
            }
        }
        ProjectLayout layout = home != null ? new ProjectLayout(home.toAbsolutePath().normalize()) : ProjectLayout.locate();
        Ingest.Outcome outcome = new Ingest(layout).ingest(file, new Ingest.Options(title, publisher, genre, url, date));
        System.out.printf("ingested %s as document %s: %d candidate claims, %d new references%n", file, outcome.documentId(),
                outcome.result().candidates().size(), outcome.result().references().size());
        System.out.printf("  wrote %s, %s, %s%n", layout.display(outcome.textFile()), layout.display(outcome.metadataFile()),
                layout.display(outcome.claimsFile()));
        if (outcome.genreDefaulted()) {
            System.out.println("  genre: health-news (the default; give --genre to change it)");
        }
        String shown = layout.display(outcome.textFile());
        StringBuilder lines = new StringBuilder();
        for (UnknownConcept u : outcome.result().unknownConcepts()) lines.append(u.format(shown)).append('\n');
        if (report != null) {
            Files.writeString(report, lines.toString(), StandardCharsets.UTF_8);
            System.out.printf("  %d sentences with no known concept: see %s%n", outcome.result().unknownConcepts().size(), report);
        } else if (!outcome.result().unknownConcepts().isEmpty()) {
            PrintStream out = System.out;
            out.printf("%d sentences with a relation cue but no known concept (words that might name a new concept):%n",
                    outcome.result().unknownConcepts().size());
            out.print(lines);
        }
        return ExitCode.OK;
    }
}
