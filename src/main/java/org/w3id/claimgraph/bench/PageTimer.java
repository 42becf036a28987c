package org.w3id.claimgraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * Times explorer pages in headless Chromium: runs {@code src/test/browser/pages.bench.mjs} with Node.js and
 * playwright-core, the tools the browser tests use and {@code src/test/setup/test-tools.sh} installs (Debian's
 * chromium, {@code npm ci} in src/test/browser). It never installs or downloads anything itself: {@link #missing}
 * says what is not there.
 */
final class PageTimer {
    static final String SCRIPTS = "src/test/browser";
    static final String SCRIPT = "pages.bench.mjs";

    private final Path scripts;
    private final Path node;
    private final Path chromium;
    private final Duration pageTimeout;

    private PageTimer(Path scripts, Path node, Path chromium, Duration pageTimeout) {
        this.scripts = scripts;
        this.node = node;
        this.chromium = chromium;
        this.pageTimeout = pageTimeout;
    }

    /** The timer of the repository at {@code layout}; {@link #missing} must have found nothing missing. */
    static PageTimer of(ProjectLayout layout, Duration pageTimeout) {
        return new PageTimer(layout.home().resolve(SCRIPTS), onPath("node"), chromium(), pageTimeout);
    }

    /**
     * What of Node.js, playwright-core, the page script and Chromium is missing, as a sentence that says how to
     * install it; null when nothing is.
     */
    static String missing(ProjectLayout layout) {
        Path scripts = layout.home().resolve(SCRIPTS);
        List<String> missing = new ArrayList<>();
        if (onPath("node") == null) missing.add("Node.js (`node` is not on the PATH; Debian: apt-get install -y nodejs npm)");
        if (!Files.isRegularFile(scripts.resolve(SCRIPT))) missing.add(layout.display(scripts.resolve(SCRIPT)) + " (run bench from a claimgraph repository)");
        else if (!Files.isDirectory(scripts.resolve("node_modules/playwright-core"))) {
            missing.add("playwright-core (" + layout.display(scripts.resolve("node_modules")) + " is missing; `npm ci` in " + layout.display(scripts) + ")");
        }
        if (!Files.isExecutable(chromium())) missing.add("Chromium (" + chromium() + " is missing; Debian: apt-get install -y chromium, or set CHROMIUM)");
        if (missing.isEmpty()) return null;
        return "The explorer pages are timed in headless Chromium driven by Node.js and playwright-core, and this machine lacks "
                + String.join(", ", missing) + ". The README's test command, mvn verify, installs all of them "
                + "(src/test/setup/test-tools.sh); bench itself never downloads anything.";
    }

    private static Path chromium() {
        return Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    /**
     * Opens every page {@code rounds} times in each of {@code clients} tabs at once against the explorer at {@code base}
     * and returns, per page name, the milliseconds until each page's data was shown; a page that showed an error or
     * passed the page timeout counts as an error, the first such message kept.
     */
    Map<String, Percentiles> time(String base, List<ExplorerPage> pages, int clients, int rounds) throws IOException, InterruptedException {
        JsonObject addresses = new JsonObject();
        for (ExplorerPage page : pages) addresses.put(page.name(), page.path());
        Path out = Files.createTempFile("claimgraph-pages", ".json");
        Path err = Files.createTempFile("claimgraph-pages", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(node.toString(), SCRIPT).directory(scripts.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.put("EXPLORER_URL", base);
            env.put("PAGES", JSON.toStringFlat(addresses));
            env.put("CLIENTS", Integer.toString(clients));
            env.put("SAMPLES", Integer.toString(rounds));
            env.put("TIMEOUT_MS", Long.toString(pageTimeout.toMillis()));
            env.put("CHROMIUM", chromium.toString());
            Process process = pb.start();
            // Each tab opens the pages one after another; a page takes at most the timeout, and the browser a while to start.
            long limit = pageTimeout.plusSeconds(10).toMillis() * pages.size() * rounds + Duration.ofMinutes(5).toMillis();
            if (!process.waitFor(limit, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(SCRIPT + " did not finish within " + limit / 1000 + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(SCRIPT + " failed (exit " + process.exitValue() + "): " + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8), pages);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The script's JSON: { "pages": { NAME: { "ms": [...], "failed": n, "errors": [...] } } }. */
    static Map<String, Percentiles> parse(String json, List<ExplorerPage> pages) {
        JsonObject results = JSON.parse(json).get("pages").getAsObject();
        Map<String, Percentiles> timings = new LinkedHashMap<>();
        for (ExplorerPage page : pages) {
            JsonObject result = results.get(page.name()).getAsObject();
            List<Double> millis = new ArrayList<>();
            for (JsonValue ms : result.get("ms").getAsArray()) millis.add(ms.getAsNumber().value().doubleValue());
            int failed = result.get("failed").getAsNumber().value().intValue();
            var errors = result.get("errors").getAsArray();
            timings.put(page.name(), Percentiles.of(millis, failed, errors.isEmpty() ? null : errors.get(0).getAsString().value()));
        }
        return timings;
    }
}
