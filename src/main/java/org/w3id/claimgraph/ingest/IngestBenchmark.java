package org.w3id.claimgraph.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.generate.CorpusGenerator;

/**
 * Measures ingest: (1) the seed texts ingested afresh into a temporary home (the real command path, files
 * written, then the graph built and checked as {@code ./claimgraph check} does) and their candidates compared
 * with the curated claims ({@link IngestEvaluation}); (2) articles per second over generated articles, each
 * ingested into a temporary home; (3) the time for one 2,000-word article. Writes a Markdown section.
 */
public final class IngestBenchmark {
    private final ProjectLayout repository;
    private final int articles;
    private final Path work;

    public IngestBenchmark(ProjectLayout repository, int articles, Path work) {
        this.repository = repository.requireExists();
        this.articles = articles;
        this.work = work;
    }

    /** The figures of the quality part, per document. */
    public record Quality(List<IngestEvaluation.DocumentScore> scores, long checkedQuads) {
        public int curated() {
            return scores.stream().mapToInt(IngestEvaluation.DocumentScore::curated).sum();
        }

        public int recalled() {
            return scores.stream().mapToInt(IngestEvaluation.DocumentScore::recalled).sum();
        }

        public int candidates() {
            return scores.stream().mapToInt(IngestEvaluation.DocumentScore::candidates).sum();
        }

        public int correct() {
            return scores.stream().mapToInt(IngestEvaluation.DocumentScore::correct).sum();
        }

        public int recalledWithRelation() {
            return scores.stream().mapToInt(IngestEvaluation.DocumentScore::recalledWithRelation).sum();
        }

        public int correctWithRelation() {
            return scores.stream().mapToInt(IngestEvaluation.DocumentScore::correctWithRelation).sum();
        }
    }

    /** A home with the repository's ontology, queries, concepts and references, and no documents. */
    static Path emptyHome(ProjectLayout repository, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String sub : List.of("ontology", "queries", "seeds/concepts")) CorpusGenerator.copyTree(repository.home().resolve(sub), dir.resolve(sub));
        Files.copy(repository.referencesFile(), dir.resolve("seeds/references.ttl"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("seeds/documents"));
        Files.createDirectories(dir.resolve("seeds/claims"));
        return dir;
    }

    /** Ingests the repository's seed texts into a fresh home, checks it, and compares with the curated claims. */
    public Quality quality() throws IOException {
        Path home = emptyHome(repository, work.resolve("seeds-afresh"));
        Ingest ingest = new Ingest(new ProjectLayout(home));
        for (Path text : texts(repository.documentsDir(), Integer.MAX_VALUE)) {
            ingest.ingest(text, new Ingest.Options(null, null, null, null, null));
        }
        long quads = GraphBuild.create().layout(new ProjectLayout(home)).build().asDatasetGraph().stream().count();
        return new Quality(IngestEvaluation.compare(home, repository.home(), ingest.pipeline()), quads);
    }

    /** Speed: articles per second over generated articles, and one 2,000-word article. */
    public record Speed(int articles, int words, double ingestSeconds, double pipelineSeconds, int candidates,
                        int twoThousandWords, double[] pipelineMillis, double[] ingestMillis) {}

    /** How often the whole ingest of the 2,000-word article is timed. */
    static final int WHOLE_INGEST_RUNS = 11;

    public Speed speed() throws IOException {
        Path corpus = work.resolve("generated");
        if (!Files.isDirectory(corpus.resolve("seeds/documents"))) {
            // About 30 claims a generated document: enough claims for the articles asked for.
            new CorpusGenerator(repository, 32L * articles, 1).writeTo(corpus);
        }
        List<Path> texts = texts(corpus.resolve("seeds/documents"), articles);
        if (texts.size() < articles) throw new InputException("the generated corpus has only " + texts.size() + " articles");
        Path home = emptyHome(repository, work.resolve("generated-ingested"));
        Ingest ingest = new Ingest(new ProjectLayout(home));
        IngestPipeline pipeline = ingest.pipeline();
        List<String> contents = new ArrayList<>();
        int words = 0;
        for (Path t : texts) {
            String s = Files.readString(t, StandardCharsets.UTF_8);
            contents.add(s);
            words += s.split("\\s+").length;
        }
        for (int i = 0; i < Math.min(50, contents.size()); i++) pipeline.run("999", contents.get(i));
        long t0 = System.nanoTime();
        int candidates = 0;
        for (String s : contents) candidates += pipeline.run("999", s).candidates().size();
        double pipelineSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        for (Path t : texts) ingest.ingest(t, new Ingest.Options(null, null, null, null, null));
        double ingestSeconds = (System.nanoTime() - t1) / 1e9;

        String article = twoThousandWords();
        for (int i = 0; i < 20; i++) pipeline.run("998", article);
        double[] millis = new double[21];
        for (int i = 0; i < millis.length; i++) {
            long s = System.nanoTime();
            pipeline.run("998", article);
            millis[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(millis);
        Path file = work.resolve("two-thousand-words.txt");
        Files.writeString(file, article, StandardCharsets.UTF_8);
        // Each run into a home of its own that has already taken one generated article (the article is refused twice).
        double[] ingestMillis = new double[WHOLE_INGEST_RUNS];
        for (int i = 0; i < ingestMillis.length; i++) {
            Path single = emptyHome(repository, work.resolve("two-thousand-words-home-" + i));
            Ingest one = new Ingest(new ProjectLayout(single));
            one.ingest(texts.get(i % texts.size()), new Ingest.Options(null, null, null, null, null));
            long s = System.nanoTime();
            one.ingest(file, new Ingest.Options(null, null, null, null, null));
            ingestMillis[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ingestMillis);
        return new Speed(texts.size(), words, ingestSeconds, pipelineSeconds, candidates,
                article.split("\\s+").length, millis, ingestMillis);
    }

    /** The first 2,000 words of the seed texts in file order, cut at a line end. */
    String twoThousandWords() throws IOException {
        StringBuilder out = new StringBuilder();
        int words = 0;
        for (Path t : texts(repository.documentsDir(), Integer.MAX_VALUE)) {
            for (String line : Files.readString(t, StandardCharsets.UTF_8).split("\n")) {
                String[] w = line.trim().isEmpty() ? new String[0] : line.trim().split("\\s+");
                if (words + w.length > 2000) return out.toString();
                out.append(line).append('\n');
                words += w.length;
            }
        }
        return out.toString();
    }

    private static List<Path> texts(Path dir, int limit) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().limit(limit).toList();
        }
    }

    /** The Markdown section for BENCHMARKS.md. */
    public static String markdown(String command, Quality q, Speed s) {
        StringBuilder md = new StringBuilder("## Ingest\n\nProduced by `" + command + "`.\n\n");
        md.append("### Candidates against the curated claims (seed texts ingested afresh)\n\n");
        md.append("Each seed text ingested into an empty home by the command's own code path; the home then builds and checks ("
                + String.format(Locale.ROOT, "%,d", q.checkedQuads()) + " quads verified). A candidate matches a curated claim when"
                + " both have the same subject and the same object and the candidate's quote overlaps one of the curated claim's"
                + " quotes (their code-point ranges [start, end) share at least one code point). Recall: curated claims some"
                + " candidate matches; precision: candidates that match some curated claim; \"relation too\", a stricter figure:"
                + " the match must have the curated relation as well.\n\n");
        md.append("| document | curated | recalled | recall | recall, relation too | candidates | matching | precision | precision, relation too |");
        for (String k : IngestEvaluation.KINDS) md.append(' ').append("miss: ").append(k).append(" |");
        md.append("\n|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < IngestEvaluation.KINDS.size(); i++) md.append("---:|");
        md.append('\n');
        Map<String, Integer> totals = new TreeMap<>();
        for (IngestEvaluation.DocumentScore d : q.scores()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f %% | %.1f %% | %d | %d | %.1f %% | %.1f %% |", d.document(), d.curated(),
                    d.recalled(), 100 * d.recall(), percent(d.recalledWithRelation(), d.curated()), d.candidates(), d.correct(),
                    100 * d.precision(), percent(d.correctWithRelation(), d.candidates())));
            for (String k : IngestEvaluation.KINDS) {
                md.append(' ').append(d.missesByKind().get(k)).append(" |");
                totals.merge(k, d.missesByKind().get(k), Integer::sum);
            }
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "| **all** | %d | %d | **%.1f %%** | %.1f %% | %d | %d | **%.1f %%** | %.1f %% |", q.curated(),
                q.recalled(), percent(q.recalled(), q.curated()), percent(q.recalledWithRelation(), q.curated()), q.candidates(),
                q.correct(), percent(q.correct(), q.candidates()), percent(q.correctWithRelation(), q.candidates())));
        for (String k : IngestEvaluation.KINDS) md.append(' ').append(totals.get(k)).append(" |");
        md.append("\n\nMisses are put down to the first that applies: the object is named (or referred back to, or named by a state"
                + " marker) in none of the sentences the curated quote overlaps (object not found); the subject is neither named there"
                + " nor the subject of a candidate there (subject not found); no relation cue or list item there (no cue); the pipeline"
                + " paired the concepts otherwise.\n\n");
        md.append("### Speed\n\n");
        md.append(String.format(Locale.ROOT, "| what | figure |%n|---|---:|%n"));
        md.append(String.format(Locale.ROOT, "| generated articles ingested (files written, one home) | %,d (%,d words, %,d candidates) |%n",
                s.articles(), s.words(), s.candidates()));
        md.append(String.format(Locale.ROOT, "| ingest, articles per second (read, pipeline, write all files) | %.0f |%n", s.articles() / s.ingestSeconds()));
        md.append(String.format(Locale.ROOT, "| pipeline alone, articles per second | %.0f |%n", s.articles() / s.pipelineSeconds()));
        md.append(String.format(Locale.ROOT, "| %,d-word article, pipeline: min / median / max of %d runs (ms) | %s |%n", s.twoThousandWords(),
                s.pipelineMillis().length, spread(s.pipelineMillis())));
        md.append(String.format(Locale.ROOT, "| %,d-word article, whole ingest into a home, warm JVM: min / median / max of %d runs (ms) | %s |%n",
                s.twoThousandWords(), s.ingestMillis().length, spread(s.ingestMillis())));
        md.append("\nGenerated articles come from `./claimgraph generate` (seed 1), one sentence per claim; the 2,000-word article is"
                + " the first 2,000 words of the seed texts. Times are in one warm JVM after 50 (pipeline) or 20 (2,000-word) warm-up"
                + " runs; each whole ingest goes into a home of its own that has taken one generated article first. `./claimgraph"
                + " ingest` as a command adds the JVM start and the loading of the lexicons and concepts.\n");
        return md.toString();
    }

    /** "min / median / max" of sorted times. */
    private static String spread(double[] sorted) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** Deletes the benchmark's working directory. */
    public void cleanUp() {
        CorpusGenerator.deleteTree(work);
    }
}
