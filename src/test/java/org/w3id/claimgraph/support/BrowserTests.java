package org.w3id.claimgraph.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one file of {@code src/test/browser/} with node's test runner (playwright-core driving headless Debian
 * Chromium) and fails, never skips, when Chromium or the tests' node_modules are missing: {@code mvn verify} installs
 * both first (src/test/setup/test-tools.sh). Screenshots land in {@code target/explorer-screenshots/}.
 */
public final class BrowserTests {
    public static final Path DIR = Path.of("src/test/browser");
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target/explorer-screenshots").toAbsolutePath();

    private BrowserTests() {}

    /** Runs {@code script} with {@code env} (and SCREENSHOTS, CHROMIUM); its output, once it has passed. */
    public static String run(String script, Map<String, String> env) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: the browser tests need Debian's Chromium. Install it with"
                    + " `apt-get install -y chromium` (as src/test/setup/test-tools.sh does when mvn verify runs it), or point CHROMIUM at a Chromium binary.");
        }
        if (!Files.isDirectory(DIR.resolve("node_modules/playwright-core"))) {
            fail(DIR + "/node_modules is missing: run `npm ci` in " + DIR + " (as src/test/setup/test-tools.sh does).");
        }
        Files.createDirectories(SCREENSHOTS);
        ProcessBuilder pb = new ProcessBuilder("node", "--test", "--test-reporter=spec", script).directory(DIR.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("SCREENSHOTS", SCREENSHOTS.toString());
        pb.environment().put("CHROMIUM", CHROMIUM.toString());
        Process node = pb.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println("[" + script + "] " + line);
                output.append(line).append('\n');
            }
        }
        if (!node.waitFor(5, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail(script + " did not finish in 5 minutes");
        }
        assertEquals(0, node.exitValue(), script + " failed:\n" + output);
        return output.toString();
    }
}
