package org.w3id.claimgraph.virtuoso;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * Loads the claim graph into Virtuoso and makes it the SPARQL endpoint's default graph, replacing the one
 * served before only once the new one is complete.
 * <ol>
 * <li>Checks first what claimgraph needs of the engine and refuses, naming it, what is missing: the bulk
 * loader, per-host endpoint defaults ({@code DB.DBA.SYS_SPARQL_HOST}, free of other hosts' rows: Virtuoso 7.2
 * applies only one row of it), no cap on result rows, a load directory Virtuoso may read ({@code DirsAllowed}),
 * no other bulk load pending.</li>
 * <li>Builds and verifies as {@code load --tdb} does (through {@link Build}), and writes the dataset's
 * statements as N-Triples into a directory of its own under the load directory.</li>
 * <li>Bulk-loads them ({@code ld_dir}, {@code rdf_loader_run}, {@code checkpoint}) into a new graph,
 * {@code urn:claimgraph:load:<time>-<random>}, which nothing serves yet, and counts it.</li>
 * <li>Swaps: one update of the endpoint host's row in {@code DB.DBA.SYS_SPARQL_HOST} makes the new graph
 * the default graph of every query that names none; then asks the endpoint itself which default graph it
 * applies and how many triples that holds, and swaps back unless it is exactly the new graph.</li>
 * <li>After a grace period for queries still running on it, drops the graph served before.</li>
 * </ol>
 * Why one graph and not the dataset's named graphs under a graph group: a default graph made of a group
 * (or FROM list) of the thousands of document graphs slows every query in proportion to their number in
 * Virtuoso 7.2 (counting 30,000 claims over 999 graphs took 42 s, over one graph 0.15 s), and returns a
 * triple once per graph holding it. A failed or interrupted load leaves the served graph as it was: its
 * own graph is dropped, now or by the next load (loads are recorded in {@link #LOADS_GRAPH}).
 */
public final class VirtuosoLoader {
    /** Where loads are recorded: each load's graph, while it exists. Not served (not the default graph). */
    public static final String LOADS_GRAPH = "urn:claimgraph:loads";
    /** The prefix of every graph a load writes. */
    public static final String GRAPH_PREFIX = "urn:claimgraph:load:";
    private static final String DATA_FILE = "data.nt";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The seam to the build: writes the verified dataset, with what the build phases derive, as N-Quads to the given file. */
    @FunctionalInterface
    public interface Build {
        GraphBuild.Result writeNQuads(Path file);
    }

    /**
     * Where and how to load.
     *
     * @param endpoint    the SPARQL endpoint that serves the graph, as clients will use it
     * @param isqlCommand Virtuoso's isql program ({@code isql-vt} on Debian)
     * @param isqlAddress host:port of Virtuoso's SQL listener
     * @param user        the Virtuoso account (one that may bulk-load, e.g. dba)
     * @param password    its password
     * @param loadDir     a directory this process writes and Virtuoso reads at the same path (in its DirsAllowed)
     * @param sparqlHost  the HTTP Host (a LIKE mask) whose requests get the loaded graph as their default graph
     * @param grace       how long the previous graph stays after the swap, for queries still running on it
     */
    public record Settings(URI endpoint, String isqlCommand, String isqlAddress, String user, String password,
                           Path loadDir, String sparqlHost, Duration grace) {}

    /** What a load did. */
    public record Result(String graph, long statements, long triples, long claims, long documents, String replaced) {}

    private final Settings settings;
    private final Isql isql;
    private final Consumer<String> progress;

    public VirtuosoLoader(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.isql = new Isql(settings.isqlCommand(), settings.isqlAddress(), settings.user(), settings.password());
        this.progress = progress;
    }

    /** The Host mask for an endpoint URL: its host and port as HTTP clients send them in the Host header. */
    public static String hostOf(URI endpoint) {
        return endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
    }

    public Result load(Build build) {
        String previous = preflight();
        dropStaleLoads(previous);
        String loadId = STAMP.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        String graph = GRAPH_PREFIX + loadId;
        Path dir = settings.loadDir().toAbsolutePath().normalize().resolve("claimgraph-" + loadId);
        boolean swapped = false;
        try {
            record(graph);
            Files.createDirectories(dir);
            progress.accept("build: writing the verified dataset for Virtuoso into " + dir);
            Path nquads = dir.resolve("build.nq");
            GraphBuild.Result built = build.writeNQuads(nquads);
            long statements = toNTriples(nquads, dir.resolve(DATA_FILE));
            Files.deleteIfExists(nquads);
            progress.accept(String.format("load: %,d statements (%,d claims, %,d documents) into <%s> with Virtuoso's bulk loader",
                    statements, built.claims(), built.documents(), graph));
            bulkLoad(dir, graph);
            long triples = count(graph);
            if (triples == 0 || triples > statements) {
                throw new InputException(isql.where() + ": the bulk loader reported success but <" + graph + "> holds "
                        + triples + " triples of the " + statements + " statements written");
            }
            swap(previous, graph);
            verifyServed(previous, graph, triples);
            swapped = true;
            if (previous != null) {
                if (!settings.grace().isZero()) {
                    progress.accept("swap: <" + graph + "> is served; <" + previous + "> is dropped in " + settings.grace().toSeconds()
                            + " s, once queries still running on it are done");
                    sleep(settings.grace());
                }
                drop(previous);
            }
            return new Result(graph, statements, triples, built.claims(), built.documents(), previous);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
            forgetLoadList(dir);
            if (!swapped) dropQuietly(graph);
        }
    }

    // --- what claimgraph needs of the engine --------------------------------------------------------------

    /** Refuses an engine that lacks what claimgraph needs, naming it; returns the graph served now (ours), or null. */
    private String preflight() {
        List<String> missing = new ArrayList<>();
        for (String proc : List.of("DB.DBA.ld_dir", "DB.DBA.rdf_loader_run")) {
            String found = isql.value("select __proc_exists(" + Isql.literal(proc) + ")");
            if (found == null || found.isBlank() || found.equals("0")) {
                missing.add(proc + " (the RDF bulk loader)");
            }
        }
        String hostTable = isql.value("select count(*) from DB.DBA.SYS_KEYS where KEY_TABLE = 'DB.DBA.SYS_SPARQL_HOST'");
        if (!"1".equals(hostTable)) {
            missing.add("DB.DBA.SYS_SPARQL_HOST (per-host defaults of the SPARQL endpoint, which make the loaded graph its default graph)");
        }
        String maxRows = isql.value("select virtuoso_ini_item_value('SPARQL', 'ResultSetMaxRows')");
        if (maxRows != null && !maxRows.isBlank() && parseLong(maxRows) > 0) {
            missing.add("results without a row cap: [SPARQL] ResultSetMaxRows is " + maxRows.strip()
                    + ", so the endpoint cuts every longer result off without an error; set it to 0 in virtuoso.ini");
        }
        String allowed = isql.value("select virtuoso_ini_item_value('Parameters', 'DirsAllowed')");
        Path loadDir = settings.loadDir().toAbsolutePath().normalize();
        if (!dirsAllow(allowed, loadDir)) {
            missing.add("read access to the load directory " + loadDir + ": it is not under [Parameters] DirsAllowed ("
                    + (allowed == null ? "unset" : allowed.strip()) + ")");
        }
        if (!missing.isEmpty()) {
            throw new InputException(isql.where() + " cannot serve claimgraph: it lacks " + String.join("; ", missing));
        }
        String pending = isql.value("select count(*) from DB.DBA.LOAD_LIST where ll_state <> 2");
        if (parseLong(pending) > 0) {
            throw new InputException(isql.where() + ": " + pending + " file(s) wait in the bulk-load list (DB.DBA.LOAD_LIST, ll_state 0 or 1);"
                    + " rdf_loader_run would load them too: finish or remove that load first");
        }
        String timeout = isql.value("select virtuoso_ini_item_value('SPARQL', 'MaxQueryExecutionTime')");
        if (timeout != null && parseLong(timeout) > 0) {
            progress.accept("note: Virtuoso stops SPARQL queries after " + timeout.strip() + " s ([SPARQL] MaxQueryExecutionTime)");
        }
        List<String> otherHosts = isql.run("select SH_HOST from DB.DBA.SYS_SPARQL_HOST where SH_HOST <> "
                + Isql.literal(settings.sparqlHost()) + " and SH_GRAPH_URI is not null;\n").stream().map(String::strip).toList();
        if (!otherHosts.isEmpty()) {
            // Observed in 7.2.5: the endpoint applies the first row of the table (by SH_HOST) and no other.
            throw new InputException(isql.where() + ": DB.DBA.SYS_SPARQL_HOST already gives a default graph to "
                    + String.join(", ", otherHosts) + "; Virtuoso 7.2 applies only one row of that table, so claimgraph needs"
                    + " the endpoint's Host (" + settings.sparqlHost() + ") to be the only one: remove the others, or use a Virtuoso of its own");
        }
        String served = isql.value("select SH_GRAPH_URI from DB.DBA.SYS_SPARQL_HOST where SH_HOST = " + Isql.literal(settings.sparqlHost()));
        if (served != null && !served.isBlank() && !served.startsWith(GRAPH_PREFIX)) {
            throw new InputException(isql.where() + ": requests to host " + settings.sparqlHost() + " are served <" + served
                    + "> as their default graph, which claimgraph did not load; remove that row of DB.DBA.SYS_SPARQL_HOST or give another --sparql-host");
        }
        try {
            GraphSource.endpoint(settings.endpoint().toString()).ask(QueryFactory.create("ASK {}"), Duration.ofMinutes(1));
        } catch (InputException e) {
            throw new InputException("the endpoint to serve the graph does not answer: " + e.getMessage(), e);
        }
        return served == null || served.isBlank() ? null : served;
    }

    static boolean dirsAllow(String dirsAllowed, Path dir) {
        if (dirsAllowed == null) return false;
        for (String entry : dirsAllowed.split(",")) {
            String e = entry.strip();
            if (e.isEmpty() || e.equals(".")) continue;
            if (dir.startsWith(Path.of(e).toAbsolutePath().normalize())) return true;
        }
        return false;
    }

    // --- loading ----------------------------------------------------------------------------------------

    /** The dataset's statements as N-Triples: the union of its named graphs, which the load graph holds. */
    private static long toNTriples(Path nquads, Path ntriples) throws IOException {
        long[] count = {0};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(ntriples), 1 << 20)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NTRIPLES);
            writer.start();
            RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFWrapper(writer) {
                @Override
                public void quad(Quad quad) {
                    count[0]++;
                    other.triple(quad.asTriple());
                }

                @Override
                public void prefix(String prefix, String iri) {
                    // N-Triples has no prefixes.
                }
            });
            writer.finish();
        }
        return count[0];
    }

    private void bulkLoad(Path dir, String graph) {
        Path file = dir.resolve(DATA_FILE);
        String seen = isql.value("select file_stat(" + Isql.literal(file.toString()) + ")");
        if (seen == null || seen.isBlank() || seen.equals("0")) {
            throw new InputException(isql.where() + " cannot see " + file + ": --load-dir must be a directory Virtuoso reads at the same path");
        }
        long started = System.nanoTime();
        isql.run("ld_dir(" + Isql.literal(dir.toString()) + ", " + Isql.literal(DATA_FILE) + ", " + Isql.literal(graph) + ");\n"
                + "rdf_loader_run();\n"
                + "checkpoint;\n");
        String state = isql.value("select concat(cast(ll_state as varchar), ' ', coalesce(ll_error, '')) from DB.DBA.LOAD_LIST where ll_file = "
                + Isql.literal(file.toString()));
        if (state == null || !state.strip().equals("2")) {
            throw new InputException(isql.where() + ": the bulk loader did not load " + file + ": "
                    + (state == null ? "it is not in DB.DBA.LOAD_LIST" : state.strip()));
        }
        progress.accept(String.format("load: done in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    private long count(String graph) {
        return parseLong(isql.value("select count(*) from DB.DBA.RDF_QUAD where G = iri_to_id(" + Isql.literal(graph) + ", 0)"));
    }

    // --- the swap -------------------------------------------------------------------------------------

    private void swap(String previous, String graph) {
        String host = Isql.literal(settings.sparqlHost());
        String exists = isql.value("select count(*) from DB.DBA.SYS_SPARQL_HOST where SH_HOST = " + host);
        // One statement, so one transaction: a request sees the old graph or the new one, never a mix.
        isql.run(parseLong(exists) > 0
                ? "update DB.DBA.SYS_SPARQL_HOST set SH_GRAPH_URI = " + Isql.literal(graph) + " where SH_HOST = " + host + ";\n"
                : "insert into DB.DBA.SYS_SPARQL_HOST (SH_HOST, SH_GRAPH_URI) values (" + host + ", " + Isql.literal(graph) + ");\n");
        progress.accept("swap: requests to host " + settings.sparqlHost() + " now get <" + graph + "> as their default graph"
                + (previous == null ? "" : " instead of <" + previous + ">"));
    }

    private void swapBack(String previous) {
        String host = Isql.literal(settings.sparqlHost());
        isql.run(previous == null
                ? "delete from DB.DBA.SYS_SPARQL_HOST where SH_HOST = " + host + ";\n"
                : "update DB.DBA.SYS_SPARQL_HOST set SH_GRAPH_URI = " + Isql.literal(previous) + " where SH_HOST = " + host + ";\n");
    }

    /**
     * Asks the endpoint, as clients will, which default graph it applies (Virtuoso names it in the
     * X-SPARQL-default-graph response header) and how many triples that default graph holds: exactly the new
     * graph, nothing else. Swaps back if not.
     */
    private void verifyServed(String previous, String graph, long triples) {
        String applied;
        long served;
        try {
            applied = appliedDefaultGraph();
            served = GraphSource.endpoint(settings.endpoint().toString()).stream(
                    QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), null,
                    rows -> rows.hasNext() && rows.next().get(Var.alloc("n")).getLiteralValue() instanceof Number n ? n.longValue() : -1L);
        } catch (RuntimeException e) {
            swapBack(previous);
            throw e;
        }
        if (!graph.equals(applied) || served != triples) {
            swapBack(previous);
            throw new InputException("the endpoint " + settings.endpoint() + " does not serve the loaded graph as its default graph: it applies "
                    + (applied == null ? "no default graph of its own" : "<" + applied + ">") + " and answers " + served
                    + " triples where <" + graph + "> holds " + triples + " (do its requests carry the Host " + settings.sparqlHost()
                    + "? see --sparql-host); the previous graph is served again");
        }
    }

    private String appliedDefaultGraph() {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)))
                .build();
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new InputException("the endpoint " + settings.endpoint() + " answered HTTP " + response.statusCode());
            }
            return response.headers().firstValue("X-SPARQL-default-graph").map(String::strip).orElse(null);
        } catch (IOException e) {
            throw new InputException("the endpoint " + settings.endpoint() + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted", e);
        }
    }

    // --- bookkeeping and cleaning up -------------------------------------------------------------------

    private void record(String graph) {
        isql.run("sparql insert data { graph <" + LOADS_GRAPH + "> { <" + graph + "> a <http://www.w3.org/ns/prov#Entity> ;"
                + " <http://purl.org/dc/terms/created> \"" + Instant.now() + "\"^^<http://www.w3.org/2001/XMLSchema#dateTime> } };\n");
    }

    /** Graphs of earlier loads that failed or were interrupted: recorded, and not what any host is served. */
    private void dropStaleLoads(String served) {
        List<String> recorded = isql.run("sparql select ?g from <" + LOADS_GRAPH + "> where { ?g a <http://www.w3.org/ns/prov#Entity> };\n")
                .stream().map(String::strip).filter(s -> s.startsWith(GRAPH_PREFIX)).toList();
        List<String> servedAnywhere = isql.run("select SH_GRAPH_URI from DB.DBA.SYS_SPARQL_HOST where SH_GRAPH_URI is not null;\n")
                .stream().map(String::strip).toList();
        for (String g : recorded) {
            if (!g.equals(served) && !servedAnywhere.contains(g)) {
                progress.accept("clean: dropping <" + g + ">, left by a load that did not finish");
                drop(g);
            }
        }
    }

    private void drop(String graph) {
        // Row by row without the transaction log (log_enable 2): a graph of millions of triples would
        // overflow one transaction. It is served by no host, so nobody sees it half deleted.
        isql.run("log_enable(2, 1);\n"
                + "delete from DB.DBA.RDF_QUAD where G = iri_to_id(" + Isql.literal(graph) + ", 0);\n"
                + "log_enable(1, 1);\n"
                + "checkpoint;\n"
                + "sparql delete where { graph <" + LOADS_GRAPH + "> { <" + graph + "> ?p ?o } };\n");
    }

    private void dropQuietly(String graph) {
        try {
            drop(graph);
        } catch (RuntimeException e) {
            progress.accept("clean: could not drop <" + graph + "> now (" + e.getMessage() + "); the next load drops it");
        }
    }

    private void forgetLoadList(Path dir) {
        try {
            isql.run("delete from DB.DBA.LOAD_LIST where ll_file like " + Isql.literal(dir + "/%") + ";\n");
        } catch (RuntimeException e) {
            progress.accept("clean: could not remove " + dir + " from DB.DBA.LOAD_LIST: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // Best effort: the directory is named after its load.
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
