package org.w3id.claimgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * {@code serve --port 0 --tdb DIR} as a process of its own, as a person runs it: started, awaited until it prints the
 * line it serves on, and stopped. Its output goes to a temporary log file that messages name.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("localhost:(\\d+)/");
    private static final Duration START_LIMIT = Duration.ofMinutes(10);

    /**
     * Which build to run: JVM options, the project home it reads (ontology, queries), and how java finds the program:
     * {@code -cp CLASSPATH MAIN} or {@code -jar JAR}.
     */
    record Launch(List<String> jvm, Path home, List<String> program) {
        /** This process's own build: its class path and the CLI's main class. */
        static Launch current(List<String> jvm, Path home, String mainClass) {
            return new Launch(jvm, home, List.of("-cp", System.getProperty("java.class.path"), mainClass));
        }

        /** Another build's runnable jar, with that build's home. */
        static Launch jar(List<String> jvm, Path home, Path jar) {
            return new Launch(jvm, home, List.of("-jar", jar.toString()));
        }
    }

    private final Process process;
    private final Path log;
    private final String base;

    private ServerProcess(Process process, Path log, String base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Starts the server on {@code database} with {@code serveOptions} added, and waits until it serves. */
    static ServerProcess start(Launch launch, Path database, List<String> serveOptions, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvm());
        command.add("-D" + ProjectLayout.HOME_PROPERTY + "=" + launch.home());
        command.addAll(launch.program());
        command.addAll(List.of("serve", "--port", "0", "--tdb", database.toString()));
        command.addAll(serveOptions);
        Path log = Files.createTempFile("claimgraph-bench-server", ".log");
        progress.accept("starting the server: " + String.join(" ", command) + " (log: " + log + ")");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            return new ServerProcess(process, log, awaitServing(process, log));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** Waits for the line the server prints once it serves; its base URL, ending in a slash. */
    private static String awaitServing(Process server, Path log) throws IOException, InterruptedException {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            if (!server.isAlive()) throw new InputException("the server ended before it served (exit " + server.exitValue() + "); see " + log);
            for (String line : Files.readAllLines(log)) {
                Matcher m = PORT.matcher(line);
                if (line.startsWith("claimgraph serving") && m.find()) return "http://localhost:" + m.group(1) + "/";
            }
            Thread.sleep(200);
        }
        throw new InputException("the server did not start within " + START_LIMIT.toMinutes() + " minutes; see " + log);
    }

    /** The server's base URL, e.g. {@code http://localhost:41234/}. */
    String base() {
        return base;
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    /** Stops the server (SIGTERM, then, after 30 s, SIGKILL); its log stays for a look afterwards. */
    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
