package org.w3id.claimgraph.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.w3id.claimgraph.cli.Main;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * The CLI in a JVM of its own, as a user runs it, for tests that must kill it (SIGKILL, which
 * {@link Process#destroyForcibly} sends on Unix) or give it less memory. Its output is collected line by
 * line; {@link #awaitLine} waits, within a bound, for a line to appear.
 */
public final class CliProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private CliProcess(Process process) {
        this.process = process;
        pump(process.getInputStream());
    }

    /**
     * The JVM option every CLI process of the tests starts with: only the first (C1) of HotSpot's two compilers. These
     * processes live for seconds, most of it starting up and building a graph once, and the second compiler's work
     * would not pay off in that time: with C1 alone a {@code load} or {@code export} of the seeds takes about half
     * the CPU time (measured: 4.5 s instead of 9.3 s for {@code load} of a minimal project, 11.7 s instead of 22.6 s
     * for {@code export} of the seed graph). What the process does is the same; only how fast its code runs differs.
     */
    public static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    /** Starts {@code claimgraph ARGS...} with the project home {@code home}, the given JVM options and environment. */
    public static CliProcess start(Path home, List<String> jvmOptions, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(QUICK_START);
        command.addAll(jvmOptions);
        command.add("-D" + ProjectLayout.HOME_PROPERTY + "=" + home);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new CliProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump(InputStream in) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "cli-process-output");
        t.setDaemon(true);
        t.start();
    }

    /** The first line (standard output and error together) that matches, waiting at most {@code max}. */
    public Optional<String> awaitLine(Predicate<String> match, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) return Optional.of(lines.get(seen));
                }
                long left = end - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && seen >= lines.size())) return Optional.empty();
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** Everything the process has printed so far. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("process " + pid() + " survived SIGKILL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the process to end by itself, at most {@code max}; its exit code. */
    public int waitFor(Duration max) {
        try {
            if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                throw new IllegalStateException("the process did not end within " + max + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) kill();
    }
}
