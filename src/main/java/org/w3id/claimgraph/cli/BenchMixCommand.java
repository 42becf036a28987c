package org.w3id.claimgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.claimgraph.bench.LoadMix;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.store.TdbStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mix",
        mixinStandardHelpOptions = true,
        description = {
                "Start ./claimgraph serve --tdb DIR as a process of its own, send it a mix of SPARQL, API and explorer requests from many clients",
                "for a while, probe /$/ping throughout, and report status codes, latencies, the ping's p99 and the CPU the server uses afterwards (Markdown)."
        })
final class BenchMixCommand implements Callable<Integer> {

    @Option(names = "--tdb", required = true, paramLabel = "DIR", description = "The database to serve (made by ./claimgraph load --tdb DIR).")
    Path tdb;

    @Option(names = "--clients", defaultValue = "64", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long the clients send requests (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "The server's query timeout (default: ${DEFAULT-VALUE}, as serve's).")
    Duration timeout;

    @Option(names = "--max-queries", paramLabel = "N", description = "The server's --max-queries (default: serve's, ${DEFAULT-VALUE} here).")
    int maxQueries = org.w3id.claimgraph.server.ClaimServer.defaultMaxRunningQueries();

    @Option(names = "--server-jvm", paramLabel = "OPTION", split = " ", description = "JVM options for the server, e.g. --server-jvm=-Xmx4g.")
    List<String> serverJvm = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Which claims, documents and concepts are asked for (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report to FILE.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (clients < 1) throw new InputException("--clients must be at least 1");
        if (!TdbStore.isStore(tdb)) throw new InputException(tdb + ": not a claimgraph database; create it with ./claimgraph load --tdb " + tdb);
        LoadMix.Settings settings = new LoadMix.Settings(tdb.toAbsolutePath(), clients, duration, timeout, maxQueries, serverJvm, seed,
                Main.class.getName());
        String report = new LoadMix(ProjectLayout.locate(), settings, line -> System.err.println(LocalTime.now().withNano(0) + " mix: " + line)).run();
        System.out.print(report);
        if (out != null) Files.writeString(out, report);
        return ExitCode.OK;
    }
}
