package org.w3id.claimgraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.w3id.claimgraph.load.ProjectLayout;

/** A command line run in-process against a given project home, with its exit code and output. */
record CliRun(int exitCode, String out, String err) {

    static synchronized CliRun run(Path home, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        String oldHome = System.getProperty(ProjectLayout.HOME_PROPERTY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setProperty(ProjectLayout.HOME_PROPERTY, home.toString());
            int code = Main.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            if (oldHome == null) System.clearProperty(ProjectLayout.HOME_PROPERTY);
            else System.setProperty(ProjectLayout.HOME_PROPERTY, oldHome);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
