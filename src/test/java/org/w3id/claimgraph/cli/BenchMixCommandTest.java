package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/**
 * {@code bench mix} on a loaded seeds database, through the command line: it reads every request of its mix from the
 * project (it once read the explorer's queries from stale build output, so a fresh clone could not run it), and every
 * kind of request it sends (the explorer's queries as the pages send them, the claim index, the query API, pages and
 * graph IRIs) is one the server answers with 200. Latencies are the report's business, never asserted here.
 */
class BenchMixCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfRequestInTheMixIsAnsweredWith200() {
        Path db = dir.resolve("db");
        CliRun load = CliRun.in(TestProject.REPO, "load", "--tdb", db.toString());
        assertEquals(ExitCode.OK, load.exitCode(), load.err());

        CliRun mix = CliRun.in(TestProject.REPO, "bench", "mix", "--tdb", db.toString(), "--clients", "2", "--duration", "3s",
                "--server-jvm=-Xmx1g");
        assertEquals(ExitCode.OK, mix.exitCode(), mix.err());
        // | kind | sent | answers | p50 | p99 |, one row a kind; the answers are "STATUS × N" joined by commas.
        List<String[]> rows = mix.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| request") && !l.startsWith("| `/$/ping`"))
                .map(l -> l.split("\\|")).toList();
        // The kinds sent four times in a round of the mix come in its first seconds; the others may not.
        List<String> kinds = rows.stream().map(r -> r[1].trim()).toList();
        for (String kind : List.of("SPARQL: concept-relations", "SPARQL: concept-network", "SPARQL: claim", "explorer: findings")) {
            assertTrue(kinds.contains(kind), kind + " in " + kinds);
        }
        for (String[] row : rows) {
            assertTrue(row[3].trim().matches("200 × \\d+"), String.join("|", row));
        }
    }
}
