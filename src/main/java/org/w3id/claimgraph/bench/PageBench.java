package org.w3id.claimgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.w3id.claimgraph.bench.Benchmark.PageSettings;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * What a person waits for in the explorer: {@code serve --tdb DIR} started as a process of its own, as a person
 * starts it, and every explorer page timed in headless Chromium at one client and at eight ({@link PageTimer}); then,
 * when a baseline build is given, the same with that build's server on the same database.
 */
public final class PageBench {
    /** Eight clients at once, the figure for a busy site; the command's. */
    public static final int CLIENTS = 8;

    /**
     * One page's timings at one client and at {@link PageSettings#clients} at once; the baseline's are null without a
     * baseline, or when its server failed.
     */
    record Row(ExplorerPage page, Percentiles oneClient, Percentiles concurrent, Percentiles baselineOne, Percentiles baselineConcurrent) {}

    /** The rows in page order, and why the baseline has no timings when its server failed (else null). */
    record Result(List<Row> rows, String baselineFailure) {}

    private record Timings(Map<String, Percentiles> one, Map<String, Percentiles> concurrent) {}

    private final ProjectLayout layout;
    private final PageSettings settings;
    private final Consumer<String> log;

    PageBench(ProjectLayout layout, PageSettings settings, Consumer<String> log) {
        this.layout = layout;
        this.settings = settings;
        this.log = log;
    }

    /** Why the pages cannot be timed on this machine with these settings, as a sentence; null when they can. */
    static String cannotRun(ProjectLayout layout, PageSettings settings) {
        String missing = PageTimer.missing(layout);
        if (missing != null) return missing;
        if (settings.baselineJar() != null) baselineHome(settings.baselineJar());
        return null;
    }

    /**
     * The home of a baseline jar: the checkout whose build it is ({@code CHECKOUT/target/claimgraph.jar}), whose own
     * ontology and queries its server must read.
     */
    static Path baselineHome(Path jar) {
        Path absolute = jar.toAbsolutePath().normalize();
        Path home = absolute.getParent() == null ? null : absolute.getParent().getParent();
        if (!Files.isRegularFile(absolute) || home == null || !Files.isDirectory(home.resolve("queries")) || !Files.isDirectory(home.resolve("ontology"))) {
            throw new InputException("--baseline-jar " + jar + ": not the runnable jar of another claimgraph checkout's build"
                    + " (CHECKOUT/target/claimgraph.jar, built with mvn package, beside CHECKOUT/queries and CHECKOUT/ontology)");
        }
        return home;
    }

    Result run(Path database, List<ExplorerPage> pages) throws IOException, InterruptedException {
        Timings current = time("this build", ServerProcess.Launch.current(settings.serverJvm(), layout.home(), settings.serverMain()), database, pages);
        Timings baseline = null;
        String baselineFailure = null;
        if (settings.baselineJar() != null) {
            Path jar = settings.baselineJar().toAbsolutePath();
            try {
                baseline = time("the baseline " + jar, ServerProcess.Launch.jar(settings.serverJvm(), baselineHome(jar), jar), database, pages);
            } catch (InputException | IllegalStateException e) {
                // Another build may not read this build's database: the report says so instead of losing the run.
                baselineFailure = e.getMessage();
                log.accept("the baseline failed: " + baselineFailure);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ExplorerPage page : pages) {
            rows.add(new Row(page, current.one().get(page.name()), current.concurrent().get(page.name()),
                    baseline == null ? null : baseline.one().get(page.name()), baseline == null ? null : baseline.concurrent().get(page.name())));
        }
        return new Result(rows, baselineFailure);
    }

    private Timings time(String build, ServerProcess.Launch launch, Path database, List<ExplorerPage> pages) throws IOException, InterruptedException {
        PageTimer timer = PageTimer.of(layout, settings.pageTimeout());
        try (ServerProcess server = ServerProcess.start(launch, database, List.of(), log)) {
            log.accept("explorer pages of " + build + " at 1 client");
            Map<String, Percentiles> one = timer.time(server.base(), pages, 1, settings.samples());
            log.accept("explorer pages of " + build + " at " + settings.clients() + " clients");
            Map<String, Percentiles> concurrent = timer.time(server.base(), pages, settings.clients(), concurrentRounds(settings));
            Files.deleteIfExists(server.log());
            return new Timings(one, concurrent);
        }
    }

    /** With several clients at once each tab makes this many rounds, so that each page has at least as many loads as at one. */
    static int concurrentRounds(PageSettings settings) {
        return Math.max(1, (settings.samples() + settings.clients() - 1) / settings.clients());
    }
}
