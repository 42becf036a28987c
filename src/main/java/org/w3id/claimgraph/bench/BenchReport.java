package org.w3id.claimgraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.w3id.claimgraph.bench.Benchmark.PageSettings;
import org.w3id.claimgraph.bench.Benchmark.QueryResult;
import org.w3id.claimgraph.bench.Benchmark.RuleTiming;
import org.w3id.claimgraph.bench.Benchmark.Settings;
import org.w3id.claimgraph.bench.Benchmark.SizeResult;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.MarkdownReport;

/** The benchmark's Markdown report: every figure beside its baseline and the ratio between them. */
final class BenchReport {
    private BenchReport() {}

    /** Writes the report to {@code out}; the sections of other commands already in it (ingest-bench, bench mix) stay. */
    static void write(Settings settings, Machine machine, List<SizeResult> results, Path out) {
        MarkdownReport.writeOwnSections(out.toAbsolutePath().normalize(), render(settings, machine, results));
    }

    static String render(Settings settings, Machine machine, List<SizeResult> measured) {
        // Sizes may be measured in any order (the largest first, so that it is sure to finish); shown smallest first.
        List<SizeResult> results = measured.stream().sorted(java.util.Comparator.comparingLong(SizeResult::claims)).toList();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Produced by `").append(settings.command()).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(".\n\n");
        md.append("Machine: ").append(machine.processors()).append(" processors, ").append(machine.memory()).append(" memory, ")
                .append(machine.os()).append("; ").append(machine.java()).append(", max heap ").append(machine.maxHeapMiB())
                .append(" MiB (JVM options: `").append(String.join(" ", machine.jvmArgs())).append("`). ")
                .append("Loader: TDB2 ").append(settings.loader().name().toLowerCase(Locale.ROOT)).append(". Latency samples: up to ")
                .append(settings.samples()).append(" per query and client, none started after ")
                .append(String.format(Locale.ROOT, "%.1f", settings.budget().toMillis() / 1000.0))
                .append(" s of a query's mode (each client makes at least one); server query timeout ")
                .append(settings.queryTimeout().toSeconds()).append(" s, rule timeout ").append(settings.ruleTimeout().toSeconds()).append(" s. Seed ").append(settings.seed()).append(".\n\n");
        if (results.size() < settings.sizes().size()) {
            md.append("**Partial:** ").append(results.size()).append(" of ").append(settings.sizes().size())
                    .append(" sizes done so far; the run rewrites this file after each size.\n\n");
        }

        md.append("## Loading, validating, serving\n\n");
        md.append("Each figure beside its baseline, measured in the same run on the same data: loading against RIOT parsing the same ")
                .append("N-Quads into a discarding sink (the ceiling, so the ratio is at most 1): the TDB2 bulk load alone, and the whole ")
                .append("load (build: reading, compiling and checking the sources into N-Quads; bulk load; the build phases: derivation, ")
                .append("findings, summaries, totals and the text indexes), the quads of the build over the time of all three; validation (every rule as one query over ")
                .append("all claims) against one scan over every triple of the claim graphs (the floor, so the ratio is at least 1). ")
                .append("Peak heap is the sum of the JVM heap pools' peak usage (MemoryPoolMXBean) during that size; peak RSS is the ")
                .append("process's VmHWM from /proc/self/status, which only grows over the run. Load average is the machine's ")
                .append("one-minute load before and after the size (2 means both cores busy).\n\n");
        md.append("| claims | documents | quads | build (claims/s) | RIOT parse (quads/s) | TDB2 load (quads/s) | load ÷ RIOT | build phases (s) | whole load (quads/s) | whole load ÷ RIOT | validation (s) | claim scan (s) | validation ÷ scan | server start (ms) | peak heap (MiB) | peak RSS (MiB) | load avg |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SizeResult r : results) {
            double riotRate = r.quads() / r.riotSeconds();
            double loadRate = r.quads() / r.loadSeconds();
            boolean validated = !r.rules().isEmpty();
            String atLeast = r.rules().stream().anyMatch(RuleTiming::timedOut) ? "> " : "";
            double wholeRate = r.quads() / r.wholeLoadSeconds();
            md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,.0f | %,.0f | %,.0f | %.2f | %.1f | %,.0f | %.3f | %s | %.2f | %s | %,.0f | %,d | %,d | %.1f → %.1f |%n",
                    r.claims(), r.documents(), r.quads(), r.claims() / r.buildSeconds(), riotRate, loadRate, loadRate / riotRate,
                    r.phasesSeconds(), wholeRate, wholeRate / riotRate,
                    validated ? atLeast + String.format(Locale.ROOT, "%.2f", r.validationSeconds()) : "n/a",
                    r.scanSeconds(), validated ? atLeast + String.format(Locale.ROOT, "%.1f", r.validationSeconds() / r.scanSeconds()) : "n/a",
                    r.serverStartMillis(), r.heapPeakMiB(), r.processPeakMiB(), r.loadAverageBefore(), r.loadAverageAfter()));
        }

        md.append("\n## Named queries\n\n");
        md.append("Latency in milliseconds, p50 / p99, over HTTP (SPARQL protocol POST, JSON results read to the last byte) at one ")
                .append("client and at eight concurrent clients, beside the same query run in-process on the same TDB2 database ")
                .append("with no HTTP (the floor); the ratio is HTTP ÷ in-process (p50, p99). Required parameters: ")
                .append("concept=concept:magnesium, outcome=concept:sleep-quality, text=magnesium, claim=claim:g0000001-0001.\n");
        for (SizeResult r : results) {
            md.append(String.format(Locale.ROOT, "%n### %,d claims%n%n", r.claims()));
            md.append("| query | rows | in-process | 1 client | 1 client ÷ in-process | 8 clients | 8 clients ÷ in-process | samples (in-process / 1 / 8) |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (QueryResult q : r.queries()) {
                if (q.timedOut() && q.failure() == null) {
                    md.append(String.format(Locale.ROOT, "| %s | timed out | – | > %,d | – | – | – | not sampled: its first run over HTTP passed the %d s query timeout |%n",
                            q.name(), settings.queryTimeout().toMillis(), settings.queryTimeout().toSeconds()));
                    continue;
                }
                if (q.timedOut()) {
                    md.append(String.format(Locale.ROOT, "| %s | failed | – | – | – | – | – | not sampled: its first run over HTTP failed (%s) |%n",
                            q.name(), q.failure().replace("|", "\\|")));
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %d / %d / %d%s |%n",
                        q.name(), q.rows(), pair(q.inProcess()), pair(q.oneClient()), ratio(q.oneClient(), q.inProcess()),
                        pair(q.eightClients()), ratio(q.eightClients(), q.inProcess()),
                        q.inProcess().samples(), q.oneClient().samples(), q.eightClients().samples(),
                        failures(q)));
            }
        }

        pages(md, settings, results);

        md.append("\n## Validation rules\n\n");
        md.append("Each rule of ontology/rules.ttl run once over all claims (its SHACL-SPARQL query with `$this` unbound), results ")
                .append("counted as they stream.\n\n");
        md.append("A rule that passes the rule timeout (").append(settings.ruleTimeout().toSeconds())
                .append(" s) is stopped and shown as timed out; the validation total then counts it at the timeout, a lower bound.\n\n");
        md.append("| claims | rule | findings | time (s) |\n|---:|---|---:|---:|\n");
        for (SizeResult r : results) {
            if (r.rules().isEmpty()) {
                md.append(String.format(Locale.ROOT, "| %,d | (no rules file) | | |%n", r.claims()));
            }
            for (RuleTiming rule : r.rules()) {
                md.append(rule.timedOut()
                        ? String.format(Locale.ROOT, "| %,d | %s | timed out | > %.0f |%n", r.claims(), rule.id(), rule.seconds())
                        : String.format(Locale.ROOT, "| %,d | %s | %,d | %.2f |%n", r.claims(), rule.id(), rule.findings(), rule.seconds()));
            }
        }
        md.append("\n## Other timings\n\n| claims | generate (s) | build (s) | RIOT parse (s) | TDB2 load (s) | build phases (s) | whole load (s) | claim triples scanned |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SizeResult r : results) {
            md.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %,d |%n", r.claims(), r.generateSeconds(),
                    r.buildSeconds(), r.riotSeconds(), r.loadSeconds(), r.phasesSeconds(), r.wholeLoadSeconds(), r.claimTriples()));
        }
        if (settings.discussion() != null && Files.isRegularFile(settings.discussion())) {
            try {
                md.append('\n').append(Files.readString(settings.discussion(), StandardCharsets.UTF_8).strip()).append('\n');
            } catch (IOException e) {
                throw new InputException(settings.discussion() + ": cannot read: " + e.getMessage(), e);
            }
        }
        return md.toString();
    }

    /** The explorer pages as a person waits for them, per size: p50 / p99 at one and at eight clients, failed loads. */
    private static void pages(StringBuilder md, Settings settings, List<SizeResult> results) {
        md.append("\n## Explorer pages in a browser\n\n");
        PageSettings pages = settings.pages();
        if (pages == null) {
            md.append("Not measured: the run was made with `--no-pages`.\n");
            return;
        }
        md.append("What a person waits for: the time from opening a page of the explorer until its data has arrived and is drawn ")
                .append("(the explorer marks its main element `aria-busy=\"false\"` and the body `data-ready`), in headless Chromium ")
                .append("driven by playwright-core (`src/test/browser/pages.bench.mjs`), against `serve --tdb` of the size's database ")
                .append("started as a process of its own with serve's defaults (JVM options: `").append(String.join(" ", pages.serverJvm()))
                .append("`). Each client is a browser tab that opens every page in turn, round after round, after one unmeasured visit ")
                .append("that fills the browser's cache: ").append(rounds(pages.samples())).append(" at one client, ")
                .append(rounds(PageBench.concurrentRounds(pages))).append(" in each of ").append(pages.clients())
                .append(" tabs at once. The browser runs on the same machine as the server, so with several tabs their drawing competes ")
                .append("with the server for its processors. p50 / p99 in milliseconds over the loads that succeeded; a load that shows an error or ")
                .append("takes longer than ").append(pages.pageTimeout().toSeconds()).append(" s counts as failed. The values in the ")
                .append("addresses are chosen from each database by `queries/bench/explorer-pages.rq`");
        boolean baseline = pages.baselineJar() != null;
        if (baseline) {
            md.append("; the baseline columns are the same pages served by `").append(pages.baselineJar())
                    .append("` with its own checkout as home, on the same database, right after");
        }
        md.append(".\n");
        for (SizeResult r : results) {
            md.append(String.format(Locale.ROOT, "%n### %,d claims%n%n", r.claims()));
            int n = pages.clients();
            md.append(String.format(Locale.ROOT, "| page | address | 1 client | %d clients | loads (1 / %d) | failed (1 / %d) |", n, n, n))
                    .append(baseline ? String.format(Locale.ROOT, " baseline 1 client | baseline %d clients | baseline failed (1 / %d) |", n, n) : "")
                    .append('\n');
            md.append("|---|---|---:|---:|---:|---:|").append(baseline ? "---:|---:|---:|" : "").append('\n');
            List<String> failures = new ArrayList<>();
            for (PageBench.Row row : r.pages().rows()) {
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %d / %d | %d / %d |", row.page().name(), row.page().path(),
                        pair(row.oneClient()), pair(row.concurrent()), row.oneClient().samples(), row.concurrent().samples(),
                        row.oneClient().errors(), row.concurrent().errors()));
                if (baseline) {
                    md.append(row.baselineOne() == null ? " – | – | – |" : String.format(Locale.ROOT, " %s | %s | %d / %d |",
                            pair(row.baselineOne()), pair(row.baselineConcurrent()), row.baselineOne().errors(), row.baselineConcurrent().errors()));
                }
                md.append('\n');
                for (Percentiles p : Arrays.asList(row.oneClient(), row.concurrent(), row.baselineOne(), row.baselineConcurrent())) {
                    if (p != null && p.failure() != null) failures.add(row.page().name() + ": " + p.failure());
                }
            }
            if (r.pages().baselineFailure() != null) failures.add("the baseline: " + r.pages().baselineFailure());
            if (!failures.isEmpty()) {
                md.append("\nFailed:\n\n");
                failures.stream().distinct().forEach(f -> md.append("- ").append(f.replace("\n", " ")).append('\n'));
            }
        }
    }

    private static String rounds(int n) {
        return n == 1 ? "one round" : n + " rounds";
    }

    private static String pair(Percentiles p) {
        if (p.samples() == 0) return "–";
        return String.format(Locale.ROOT, "%s / %s", ms(p.p50()), ms(p.p99()));
    }

    private static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(Percentiles http, Percentiles base) {
        if (http.samples() == 0 || base.samples() == 0) return "–";
        return String.format(Locale.ROOT, "%.1f, %.1f", http.p50() / base.p50(), http.p99() / base.p99());
    }

    /** How many requests of a query failed over HTTP, and with what (an HTTP status names a server timeout as 503). */
    private static String failures(QueryResult q) {
        int errors = q.oneClient().errors() + q.eightClients().errors();
        if (errors == 0) return "";
        String failure = q.eightClients().failure() != null ? q.eightClients().failure() : q.oneClient().failure();
        return " (" + errors + " failed" + (failure == null ? "" : ": " + failure.replace("|", "\\|")) + ")";
    }
}
