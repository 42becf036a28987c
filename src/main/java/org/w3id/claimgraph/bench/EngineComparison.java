package org.w3id.claimgraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.generate.CorpusGenerator;
import org.w3id.claimgraph.server.ClaimServer;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.RuleSet;
import org.w3id.claimgraph.virtuoso.VirtuosoLoader;

/**
 * {@code bench --engine virtuoso}: the same generated corpus loaded into TDB2 (served by claimgraph's own server)
 * and into Virtuoso (with {@code load --engine virtuoso}'s loader, served by Virtuoso's endpoint), then every rule
 * and every named query run on both with the same clients: load time, each rule's time, and each named query's
 * rows and median latency at one and at eight concurrent HTTP clients, with the ratio Virtuoso / TDB2. The rows
 * are shown side by side, so a difference between the engines shows in the table too. The report is a section of
 * its own in the output file (between {@link #START} and {@link #END}), replaced by the next run.
 */
public final class EngineComparison {
    static final String START = "<!-- bench --engine virtuoso: start -->";
    static final String END = "<!-- bench --engine virtuoso: end -->";

    /** What to run; {@code virtuoso} says where Virtuoso is and how the loader reaches it. */
    public record Settings(List<Long> sizes, long seed, Path work, Path out, int samples, Duration budget,
                           TdbStore.Loader loader, Duration queryTimeout, Duration ruleTimeout, VirtuosoLoader.Settings virtuoso, String command) {}

    record Timed(long rows, double seconds) {}

    record QueryRow(String name, String arguments, long tdbRows, long virtuosoRows, Percentiles tdbOne, Percentiles virtuosoOne,
                    Percentiles tdbEight, Percentiles virtuosoEight) {}

    record SizeRow(long claims, long documents, long quads, double tdbLoadSeconds, double virtuosoLoadSeconds,
                   List<String> rules, List<Timed> tdbRules, List<Timed> virtuosoRules, List<QueryRow> queries) {}

    private final ProjectLayout repository;
    private final Settings settings;
    private final Consumer<String> log;

    public EngineComparison(ProjectLayout repository, Settings settings, Consumer<String> log) {
        this.repository = repository;
        this.settings = settings;
        this.log = log;
    }

    public void run() throws Exception {
        Files.createDirectories(settings.work());
        List<SizeRow> rows = new ArrayList<>();
        for (long size : settings.sizes()) {
            rows.add(runSize(size));
            write(render(rows));
            log.accept("wrote " + settings.out());
        }
    }

    private SizeRow runSize(long size) throws Exception {
        Path corpus = settings.work().resolve("engines-corpus-" + size);
        Path nquads = settings.work().resolve("engines-claims-" + size + ".nq");
        Path db = settings.work().resolve("engines-tdb-" + size);
        CorpusGenerator.deleteTree(corpus);
        CorpusGenerator.deleteTree(db);
        log.accept(size + " claims: generating and building " + nquads);
        new CorpusGenerator(repository, size, settings.seed()).writeTo(corpus);
        // Built once with the derived graph (the build phases run in memory), then loaded as it is by both engines.
        GraphBuild.Result built = GraphBuild.create().layout(new ProjectLayout(corpus)).progress(log).writeNQuadsAfterPhases(nquads);

        log.accept(size + " claims: loading TDB2 " + db);
        long t0 = System.nanoTime();
        TdbStore.write(nquads, built.prefixes(), built.quads(), db, settings.loader(), (fmt, args) -> log.accept("load: " + String.format(fmt, args)));
        double tdbLoad = seconds(t0);

        log.accept(size + " claims: loading Virtuoso at " + settings.virtuoso().endpoint());
        t0 = System.nanoTime();
        // The same N-Quads: the loader's build step is a copy of the file already built.
        new VirtuosoLoader(settings.virtuoso(), line -> log.accept("virtuoso " + line)).load(file -> {
            try {
                Files.copy(nquads, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new InputException("cannot copy " + nquads + ": " + e.getMessage(), e);
            }
            return built;
        });
        double virtuosoLoad = seconds(t0);
        Files.deleteIfExists(nquads);

        DatasetGraph dsg = TdbStore.open(db);
        ClaimServer server = ClaimServer.builder().dataset(dsg).port(0).queryTimeout(settings.queryTimeout()).build().start();
        try {
            HttpLatency tdbHttp = new HttpLatency(server.sparqlUrl(), settings.queryTimeout());
            while (!tdbHttp.ok(server.url() + "$/ping")) Thread.sleep(5);
            HttpLatency virtuosoHttp = new HttpLatency(settings.virtuoso().endpoint().toString(), settings.queryTimeout());
            GraphSource tdb = GraphSource.of(dsg, "TDB2 database " + db);
            GraphSource virtuoso = GraphSource.endpoint(settings.virtuoso().endpoint().toString());

            List<String> ruleIds = new ArrayList<>();
            List<Timed> tdbRules = new ArrayList<>();
            List<Timed> virtuosoRules = new ArrayList<>();
            for (Rule rule : RuleSet.load(repository).all()) {
                log.accept(size + " claims: rule " + rule.id());
                ruleIds.add(rule.id());
                tdbRules.add(timed(tdb, rule.fullScan(), settings.ruleTimeout()));
                virtuosoRules.add(timed(virtuoso, rule.fullScan(), settings.ruleTimeout()));
            }

            List<QueryRow> queries = new ArrayList<>();
            for (NamedQuery named : QueryLibrary.load(repository).all()) {
                Map<String, String> args = Benchmark.arguments(named);
                Query query = named.bind(args);
                log.accept(size + " claims: query " + named.name());
                String text = query.serialize();
                long tdbRows = timed(tdb, query, settings.queryTimeout()).rows();
                long virtuosoRows = timed(virtuoso, query, settings.queryTimeout()).rows();
                queries.add(new QueryRow(named.name(), args.isEmpty() ? "" : args.toString(), tdbRows, virtuosoRows,
                        tdbHttp.measure(text, 1, settings.samples(), settings.budget()),
                        virtuosoHttp.measure(text, 1, settings.samples(), settings.budget()),
                        tdbHttp.measure(text, 8, settings.samples(), settings.budget()),
                        virtuosoHttp.measure(text, 8, settings.samples(), settings.budget())));
            }
            return new SizeRow(size, built.documents(), built.quads(), tdbLoad, virtuosoLoad, ruleIds, tdbRules, virtuosoRules, queries);
        } finally {
            server.stop();
            TdbStore.close(dsg);
            CorpusGenerator.deleteTree(db);
            CorpusGenerator.deleteTree(corpus);
        }
    }

    /** Runs a SELECT once, counting its rows as they stream; -1 rows when it failed or passed {@code timeout}. */
    private Timed timed(GraphSource service, Query query, Duration timeout) {
        long t0 = System.nanoTime();
        try {
            long rows = service.stream(query, timeout, r -> {
                long n = 0;
                while (r.hasNext()) {
                    r.next();
                    n++;
                }
                return n;
            });
            return new Timed(rows, seconds(t0));
        } catch (QueryCancelledException | InputException e) {
            log.accept(service.description() + ": failed: " + e.getMessage());
            return new Timed(-1, seconds(t0));
        }
    }

    // --- the report ---------------------------------------------------------------------------------------

    String render(List<SizeRow> rows) {
        Machine machine = Machine.current();
        StringBuilder md = new StringBuilder(START).append("\n## TDB2 and Virtuoso side by side\n\n");
        md.append("Produced by `").append(settings.command()).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(" (")
                .append(machine.processors()).append(" processors, ").append(machine.memory()).append(", shared with other work).\n\n");
        md.append("The same generated corpus (seed ").append(settings.seed()).append("), built once with its derived graph, in TDB2, loaded by `load --tdb`'s bulk loader (")
                .append(settings.loader().name().toLowerCase(Locale.ROOT)).append(") and served by `serve`, and in Virtuoso, loaded by ")
                .append("`load --engine virtuoso` (N-Triples conversion, `ld_dir`/`rdf_loader_run`, checkpoint, count, swap) and ")
                .append("served by its own endpoint. Rules: each rule's full scan run once through claimgraph's client (TDB2 in process, ")
                .append("Virtuoso over HTTP), given up after ").append(settings.ruleTimeout().toSeconds()).append(" s (\"failed\"). Named queries: rows on each engine, then the median (p50) latency of form-encoded POSTs ")
                .append("read to the last byte, at one client and at eight concurrent clients, up to ").append(settings.samples())
                .append(" requests per client, none started after ").append(settings.budget().toSeconds())
                .append(" s. Ratio: Virtuoso / TDB2 (below 1: Virtuoso faster). Single runs on a shared machine: the ratios are the finding.\n\n");
        for (SizeRow r : rows) {
            md.append(String.format(Locale.ROOT, "### %,d claims (%,d documents, %,d statements)%n%n", r.claims(), r.documents(), r.quads()));
            md.append("| step | TDB2 | Virtuoso | ratio |\n|---|---:|---:|---:|\n");
            md.append(String.format(Locale.ROOT, "| load (s) | %.1f | %.1f | %s |%n", r.tdbLoadSeconds(), r.virtuosoLoadSeconds(),
                    ratio(r.virtuosoLoadSeconds(), r.tdbLoadSeconds())));
            double tdbRules = r.tdbRules().stream().mapToDouble(Timed::seconds).sum();
            double virtuosoRules = r.virtuosoRules().stream().mapToDouble(Timed::seconds).sum();
            md.append(String.format(Locale.ROOT, "| validation, every rule (s) | %.1f | %.1f | %s |%n%n", tdbRules, virtuosoRules,
                    ratio(virtuosoRules, tdbRules)));
            md.append("| rule | findings TDB2 | findings Virtuoso | TDB2 (s) | Virtuoso (s) | ratio |\n|---|---:|---:|---:|---:|---:|\n");
            for (int i = 0; i < r.rules().size(); i++) {
                Timed t = r.tdbRules().get(i);
                Timed v = r.virtuosoRules().get(i);
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %s |%n", r.rules().get(i), count(t.rows()), count(v.rows()),
                        t.seconds(), v.seconds(), ratio(v.seconds(), t.seconds())));
            }
            md.append("\n| query | arguments | rows TDB2 | rows Virtuoso | p50 1 client TDB2 (ms) | Virtuoso (ms) | ratio | p50 8 clients TDB2 (ms) | Virtuoso (ms) | ratio |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (QueryRow q : r.queries()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", q.name(), q.arguments(),
                        count(q.tdbRows()), count(q.virtuosoRows()), ms(q.tdbOne()), ms(q.virtuosoOne()), ratio(q.virtuosoOne(), q.tdbOne()),
                        ms(q.tdbEight()), ms(q.virtuosoEight()), ratio(q.virtuosoEight(), q.tdbEight())));
            }
            md.append('\n');
        }
        return md.append(END).append('\n').toString();
    }

    /** The output file with this report's section replaced (or appended), written whole by one rename. */
    private void write(String section) {
        Path target = settings.out().toAbsolutePath().normalize();
        try {
            String before = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
            int start = before.indexOf(START);
            int end = before.indexOf(END);
            String text = start >= 0 && end > start
                    ? before.substring(0, start) + section + before.substring(end + END.length()).replaceFirst("^\n", "")
                    : before + (before.isEmpty() || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n") + section;
            Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(settings.out() + ": cannot write the report: " + e.getMessage(), e);
        }
    }

    private static String count(long n) {
        return n < 0 ? "failed" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String ms(Percentiles p) {
        return p.ok() ? String.format(Locale.ROOT, "%.0f", p.p50()) : "failed" + (p.failure() == null ? "" : " (" + p.failure() + ")");
    }

    private static String ratio(Percentiles v, Percentiles t) {
        return v.ok() && t.ok() ? ratio(v.p50(), t.p50()) : "–";
    }

    private static String ratio(double v, double t) {
        return t > 0 ? String.format(Locale.ROOT, "%.2f", v / t) : "–";
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
