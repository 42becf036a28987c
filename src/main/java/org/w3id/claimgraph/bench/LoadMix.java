package org.w3id.claimgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;

import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * A mixed load on a real server: {@code serve --tdb DIR} started as a process of its own, then
 * {@link Settings#clients} clients sending, for {@link Settings#duration}, the requests a site sees (the
 * explorer's SPARQL queries for claims, documents and concepts; the named-query API; the explorer's pages,
 * graph IRIs as HTML and Turtle, and validation findings), while a separate probe asks {@code /$/ping} five
 * times a second. It reports, per kind of request, how many were sent, their status codes and p50/p99
 * latency; the 5xx answers split into timeouts (a query past the server's timeout, or a request that waited
 * its turn longer) and the rest; the ping latencies; and the CPU the server used in the two ten-second
 * windows after the last answer, with its resident memory before and after.
 */
public final class LoadMix {
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(10);

    /** What to run: the database, how many clients for how long, the server's timeout and JVM options. */
    /** {@code serverMain}: the class whose main method runs {@code serve} (the CLI's), started in a process of its own. */
    public record Settings(Path database, int clients, Duration duration, Duration timeout, int maxQueries, List<String> serverJvm,
                           long seed, String serverMain) {}

    private final ProjectLayout layout;
    private final Settings settings;
    private final Consumer<String> progress;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newCachedThreadPool()).build();

    public LoadMix(ProjectLayout layout, Settings settings, Consumer<String> progress) {
        this.layout = layout;
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the mix and returns the report, a Markdown section. */
    public String run() throws IOException, InterruptedException {
        List<String> options = List.of("--timeout", settings.timeout().toMillis() + "ms", "--max-queries", Integer.toString(settings.maxQueries()));
        try (ServerProcess served = ServerProcess.start(ServerProcess.Launch.current(settings.serverJvm(), layout.home(), settings.serverMain()),
                settings.database(), options, progress)) {
            Process server = served.process();
            base = served.base();
            progress.accept("server at " + base + " (process " + server.pid() + "); waiting for its validation findings");
            List<Sample> mix = mix(base);
            awaitFindings(base, mix);
            long rssBefore = residentMiB(server.pid());
            double loadBefore = Machine.loadAverage();
            progress.accept(String.format("%d clients for %d s on %d kinds of request", settings.clients(), settings.duration().toSeconds(), mix.size()));
            Map<String, Tally> tallies = new ConcurrentHashMap<>();
            List<Double> pings = Collections.synchronizedList(new ArrayList<>());
            List<Integer> pingFailures = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread pinger = new Thread(() -> ping(base, running, pings, pingFailures), "mix-ping");
            pinger.start();
            long end = System.nanoTime() + settings.duration().toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                int client = c;
                Thread t = new Thread(() -> client(client, mix, end, tallies), "mix-client-" + c);
                t.start();
                clients.add(t);
            }
            for (Thread t : clients) t.join();
            Instant lastAnswer = Instant.now();
            running.set(false);
            pinger.join();
            Duration cpu0 = cpu(server);
            Thread.sleep(IDLE_WINDOW.toMillis());
            Duration cpu1 = cpu(server);
            Thread.sleep(IDLE_WINDOW.toMillis());
            List<Duration> idleCpu = List.of(cpu1.minus(cpu0), cpu(server).minus(cpu1));
            long rssAfter = residentMiB(server.pid());
            progress.accept("done at " + lastAnswer);
            return report(tallies, pings, pingFailures, idleCpu, rssBefore, rssAfter, loadBefore, Machine.loadAverage());
        }
    }

    // ---- The server

    private void awaitFindings(String base, List<Sample> mix) throws InterruptedException {
        String claim = mix.stream().filter(s -> s.kind().equals("explorer: findings")).findFirst().map(Sample::path).orElse(null);
        if (claim == null) return;
        long end = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < end) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + claim.substring(1))).GET(), Duration.ofMinutes(1));
            if (r != null && r.headers().firstValue("Retry-After").isEmpty()) return;
            Thread.sleep(2000);
        }
    }

    private static Duration cpu(Process server) {
        return server.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static long residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    // ---- The requests

    /** One kind of request: a name for the report, and how to send it. */
    private record Sample(String kind, String path, String accept, String sparql) {}

    private List<Sample> mix(String base) {
        List<String> claims = values(base, "SELECT ?x { ?x a <https://w3id.org/claimgraph/ontology#Claim> } LIMIT 200");
        List<String> documents = values(base, "SELECT ?x { ?x a <https://w3id.org/claimgraph/ontology#SourceDocument> } LIMIT 50");
        List<String> concepts = values(base, "SELECT DISTINCT ?x { ?c <https://w3id.org/claimgraph/ontology#subject> ?x } LIMIT 50");
        if (claims.isEmpty() || documents.isEmpty() || concepts.isEmpty()) throw new InputException("the database has no claims to ask for");
        java.util.Random random = new java.util.Random(settings.seed());
        List<Sample> mix = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String claim = claims.get(random.nextInt(claims.size()));
            String document = documents.get(random.nextInt(documents.size()));
            String concept = concepts.get(random.nextInt(concepts.size()));
            for (String q : List.of("claim", "claim-evidence", "claim-quotes")) mix.add(explorerQuery(q, claim));
            mix.add(explorerQuery("document-claims", document));
            // The concept page: its counts per relation and its network (both from the build's totals); it lists
            // the claims themselves (concept-claims) only for a concept of 200 claims or fewer, not sampled here.
            mix.add(explorerQuery("concept-relations", concept));
            mix.add(explorerQuery("concept-network", concept));
            mix.add(new Sample("explorer: claim page", "/id/claim/" + claim.substring(claim.lastIndexOf('/') + 1), "text/html", null));
            mix.add(new Sample("graph IRI as Turtle", "/id/claim/" + claim.substring(claim.lastIndexOf('/') + 1), "text/turtle", null));
            mix.add(new Sample("explorer: findings", "/api/findings?claim=" + enc(claim), "application/json", null));
            mix.add(new Sample("API: claim-evidence", "/api/queries/claim-evidence?claim=" + enc(claim), "application/sparql-results+json", null));
            mix.add(new Sample("API: claims-about (a page)", "/api/queries/claims-about?limit=50&concept=" + enc(concept), "text/csv", null));
            mix.add(new Sample("explorer: page and script", i % 2 == 0 ? "/claims" : "/explorer/js/app.js", "*/*", null));
        }
        mix.add(explorerQuery("documents", null));
        // The claim list: its page, count and facet counts come from the claim index (the labels and the page's
        // rows then from SPARQL, as the documents and concepts queries here stand for).
        mix.add(new Sample("API: claim-index (the claim list)", "/api/claim-index?sort=id&page=1", "application/json", null));
        mix.add(new Sample("API: claim-index (filtered by grade)", "/api/claim-index?grade=" + enc("https://w3id.org/claimgraph/ontology#GradeLow") + "&sort=id&page=1", "application/json", null));
        mix.add(new Sample("API: claim-index (a search)", "/api/claim-index?q=sleep&sort=relevance&page=1", "application/json", null));
        mix.add(explorerQuery("concepts", null));
        mix.add(new Sample("API: concept-search", "/api/queries/concept-search?text=magnesium", "application/sparql-results+json", null));
        mix.add(new Sample("API: claims-per-grade", "/api/queries/claims-per-grade", "text/csv", null));
        mix.add(new Sample("API: outcome-evidence", "/api/queries/outcome-evidence?outcome=concept:sleep-quality", "text/csv", null));
        mix.add(new Sample("API: unsupported-claims (a page)", "/api/queries/unsupported-claims?limit=50", "text/csv", null));
        Collections.shuffle(mix, random);
        return mix;
    }

    private Sample explorerQuery(String name, String resource) {
        String text = explorerQuery(name);
        if (resource != null) text = text.replaceAll("\\?resource\\b", Matcher.quoteReplacement("<" + resource + ">"));
        return new Sample("SPARQL: " + name, "/kg/sparql", "application/sparql-results+json", text);
    }

    private List<String> values(String base, String query) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "kg/sparql?query=" + enc(query)))
                .header("Accept", "text/csv").GET(), Duration.ofMinutes(5));
        if (r == null || r.statusCode() != 200) throw new InputException("the server did not list what to ask for: " + (r == null ? "no answer" : r.statusCode()));
        List<String> lines = new ArrayList<>(r.body().lines().toList());
        lines.remove(0);
        return lines;
    }

    private void client(int client, List<Sample> mix, long end, Map<String, Tally> tallies) {
        for (int i = client; System.nanoTime() < end; i++) {
            Sample s = mix.get(i % mix.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + s.path().substring(1))).header("Accept", s.accept());
            if (s.sparql() != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(s.sparql())));
            }
            long start = System.nanoTime();
            HttpResponse<String> r = send(request, settings.timeout().plusMinutes(1));
            double millis = (System.nanoTime() - start) / 1e6;
            tallies.computeIfAbsent(s.kind(), k -> new Tally()).add(r, millis);
        }
    }

    private void ping(String url, AtomicBoolean running, List<Double> pings, List<Integer> failures) {
        while (running.get()) {
            long start = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + "$/ping")).GET(), Duration.ofMinutes(1));
            pings.add((System.nanoTime() - start) / 1e6);
            if (r == null || r.statusCode() != 200) failures.add(r == null ? -1 : r.statusCode());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The answers to one kind of request. */
    private static final class Tally {
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        /** The first answer of each outcome other than 200, as an example. */
        final Map<String, String> examples = new ConcurrentHashMap<>();

        void add(HttpResponse<String> r, double ms) {
            millis.add(ms);
            String outcome = outcome(r);
            outcomes.merge(outcome, 1, Integer::sum);
            if (r != null && r.statusCode() != 200) {
                examples.putIfAbsent(outcome, r.body().strip().lines().findFirst().orElse("").replace("|", "/"));
            }
        }

        static String outcome(HttpResponse<String> r) {
            if (r == null) return "no answer";
            int s = r.statusCode();
            if (s == 503) {
                String body = r.body().toLowerCase(Locale.ROOT);
                if (body.contains("busy")) return "503 waited past the timeout";
                if (body.contains("timed out") || body.contains("timeout")) return "503 timeout";
                return "503 other";
            }
            return String.valueOf(s);
        }
    }

    // ---- The report

    private String report(Map<String, Tally> tallies, List<Double> pings, List<Integer> pingFailures, List<Duration> idleCpu,
                          long rssBefore, long rssAfter, double loadBefore, double loadAfter) {
        StringBuilder sb = new StringBuilder();
        Machine m = Machine.current();
        sb.append(String.format(Locale.ROOT, "%d clients for %d s against `serve --tdb %s --timeout %d s --max-queries %d` (server JVM options: `%s`), on %d processors, %s memory, %s, %s.%n%n",
                settings.clients(), settings.duration().toSeconds(), settings.database().getFileName(), settings.timeout().toSeconds(), settings.maxQueries(),
                String.join(" ", settings.serverJvm()), m.processors(), m.memory(), m.os(), m.java()));
        sb.append("| request | sent | answers | p50 (ms) | p99 (ms) |\n|---|---:|---|---:|---:|\n");
        long total = 0;
        Map<String, Integer> all = new TreeMap<>();
        for (Map.Entry<String, Tally> e : new TreeMap<>(tallies).entrySet()) {
            Percentiles p = Percentiles.of(new ArrayList<>(e.getValue().millis), 0);
            total += p.samples();
            e.getValue().outcomes.forEach((k, v) -> all.merge(k, v, Integer::sum));
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,.0f | %,.0f |%n", e.getKey(), p.samples(),
                    outcomes(e.getValue().outcomes), p.p50(), p.p99()));
        }
        Map<String, String> examples = new TreeMap<>();
        tallies.values().forEach(t -> t.examples.forEach(examples::putIfAbsent));
        Percentiles ping = Percentiles.of(new ArrayList<>(pings), pingFailures.size());
        double pingMax = pings.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        sb.append(String.format(Locale.ROOT, "| **all** | %,d | %s | | |%n", total, outcomes(all)));
        sb.append(String.format(Locale.ROOT, "| `/$/ping` (5 a second, besides the clients) | %,d | %s | %,.1f | %,.1f |%n%n",
                ping.samples(), pingFailures.isEmpty() ? "all 200" : pingFailures.size() + " not 200", ping.p50(), ping.p99()));
        long errors = all.entrySet().stream().filter(e -> e.getKey().startsWith("5") && !e.getKey().startsWith("503 timeout")
                && !e.getKey().startsWith("503 waited")).mapToLong(Map.Entry::getValue).sum() + all.getOrDefault("no answer", 0);
        sb.append(String.format(Locale.ROOT, "5xx other than timeouts, and requests with no answer: %d. `/$/ping`: p99 %.1f ms, slowest %.1f ms. "
                        + "CPU the server used after the last answer: %.2f s in the first %d s (%.1f %% of one processor), %.2f s in the next %d s (%.1f %%). "
                        + "Server resident memory: %,d MiB before the clients, %,d MiB after. Load average (1 min, the whole machine): %.1f before, %.1f after.%n",
                errors, ping.p99(), pingMax, idleCpu.get(0).toMillis() / 1000.0, IDLE_WINDOW.toSeconds(),
                100.0 * idleCpu.get(0).toMillis() / IDLE_WINDOW.toMillis(), idleCpu.get(1).toMillis() / 1000.0, IDLE_WINDOW.toSeconds(),
                100.0 * idleCpu.get(1).toMillis() / IDLE_WINDOW.toMillis(), rssBefore, rssAfter, loadBefore, loadAfter));
        examples.forEach((outcome, body) -> sb.append(String.format(Locale.ROOT, "- %s, for example: %s%n", outcome,
                body.length() > 200 ? body.substring(0, 200) + "..." : body)));
        return sb.toString();
    }

    private static String outcomes(Map<String, Integer> outcomes) {
        Map<String, Integer> sorted = new TreeMap<>(outcomes);
        List<String> parts = new ArrayList<>();
        sorted.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s × %,d", k, v)));
        return String.join(", ", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The text of the explorer's query NAME, from queries/explorer/ of the project, as the server serves it. */
    private String explorerQuery(String name) {
        Path file = layout.queriesDir().resolve("explorer").resolve(name + ".rq");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException("cannot read the explorer's query " + file + ": " + e.getMessage());
        }
    }
}
