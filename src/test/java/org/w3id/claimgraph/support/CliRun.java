package org.w3id.claimgraph.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.w3id.claimgraph.cli.Main;
import org.w3id.claimgraph.project.ProjectLayout;

/** Runs the CLI in-process against a project directory and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {

    public static synchronized CliRun in(Path home, String... args) {
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
            System.out.flush();
            System.err.flush();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            if (oldHome == null) System.clearProperty(ProjectLayout.HOME_PROPERTY);
            else System.setProperty(ProjectLayout.HOME_PROPERTY, oldHome);
        }
    }
}
