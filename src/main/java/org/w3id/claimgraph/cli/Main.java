package org.w3id.claimgraph.cli;

import java.io.PrintWriter;

import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.BuildProblem;
import org.w3id.claimgraph.project.InputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "claimgraph",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A knowledge graph of health claims about calcium and magnesium: what is claimed, where, on what evidence, and how far to trust it.",
        subcommands = {
                CheckCommand.class,
                StatsCommand.class,
                ValidateCommand.class, ExplainCommand.class,
                ExportCommand.class,
                QueryCommand.class,
                LoadCommand.class,
                GenerateCommand.class,
                IngestCommand.class, IngestBenchCommand.class,
                BenchCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok",
                "1:the data has problems",
                "2:usage or input error",
                "3:internal error"
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of main. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::usage);
        return cl;
    }

    /** A usage error in one line, naming the option or value and where the options are listed; exit 2. */
    private static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String message = e.getMessage() == null ? "bad usage" : e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        err.println("claimgraph: error: " + message + " (see: " + cl.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return ExitCode.USAGE;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BuildFailure failure) {
            for (BuildProblem p : failure.problems()) err.println(p);
            err.println("claimgraph: " + failure.problems().size() + " problem(s); nothing was written");
            err.flush();
            return ExitCode.DATA_PROBLEMS;
        }
        if (e instanceof InputException) {
            err.println("claimgraph: error: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        err.println("claimgraph: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL;
    }
}
