package org.w3id.claimgraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.validate.ClaimLocator;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.JsonReportWriter;
import org.w3id.claimgraph.validate.Report;
import org.w3id.claimgraph.validate.ReportWriter;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.rules.Severity;
import org.w3id.claimgraph.validate.TextReportWriter;
import org.w3id.claimgraph.validate.TurtleReportWriter;
import org.w3id.claimgraph.validate.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Run the rules of ontology/rules.ttl over the claims and report the claims the evidence does not carry: one finding a line, naming the claim's file, the claim, the rule, the severity, a message and the quoted words.",
                "Exits 0 when nothing at or above --fail-on is found, 1 when something is, 2 on a usage or input error."
        })
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json, turtle }

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Extra RDF files (for example a curator's new claims, in full form) to verify and validate together with the seed graph.")
    List<Path> extraFiles = new ArrayList<>();

    @Mixin
    GraphSourceOptions source;

    @Mixin
    EngineOption engine;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json or turtle (the SHACL validation report).")
    Format format;

    @Option(names = "--rule", paramLabel = "ID", split = ",", description = "Run only these rules (repeatable or comma-separated; see --list-rules).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "LEVEL", description = "Report only findings at or above LEVEL: violation, warning or info.")
    String severity;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "violation", description = "Exit 1 when a reported finding is at or above LEVEL: violation (default), warning, info, or none to always exit 0.")
    String failOn;

    @Option(names = "--list-rules", description = "Print the rules (id, severity, label, definition) and exit.")
    boolean listRules;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.locate();
        Validator validator = Validator.load(layout);
        if (listRules) {
            printRules(validator.rules().all(), System.out);
            return ExitCode.OK;
        }
        Severity minimum = severity == null ? Severity.INFO : level("--severity", severity);
        Severity failLevel = failOn.equals("none") ? null : level("--fail-on", failOn);
        List<Rule> selected = validator.rules().select(rules);
        // The candidates are always told apart, whichever rules were asked for.
        List<Rule> run = new ArrayList<>(selected);
        validator.rules().find(Report.CANDIDATE_RULE).filter(r -> !run.contains(r)).ifPresent(run::add);

        Report report;
        try (GraphSource graph = source.open(layout, extraFiles)) {
            if (source.isStore()) validator.requireVocabularies(graph);
            RuleEngine.Kind kind = engine.kind(graph, source.isStore());
            List<Finding> findings = validator.validate(graph, kind, run);
            report = Report.of(graph.description(), kind, selected, failLevel, findings, f -> f.severity().atLeast(minimum));
        }

        PrintStream out = System.out;
        writer(layout).write(report, out);
        out.flush();
        if (format == Format.text) System.err.println("validate: " + TextReportWriter.summaryLine(report));
        return report.passes() ? ExitCode.OK : ExitCode.DATA_PROBLEMS;
    }

    private ReportWriter writer(ProjectLayout layout) {
        return switch (format) {
            case text -> new TextReportWriter(new ClaimLocator(layout));
            case json -> new JsonReportWriter();
            case turtle -> new TurtleReportWriter();
        };
    }

    private static Severity level(String option, String value) {
        return Severity.fromId(value).orElseThrow(() -> new InputException(option + ": unknown severity '" + value
                + "' (one of: " + Severity.ids() + (option.equals("--fail-on") ? ", none" : "") + ")"));
    }

    private static void printRules(List<Rule> rules, PrintStream out) {
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(4);
        for (Rule r : rules) {
            out.printf("%-" + width + "s  %-9s  %s%n", r.id(), r.severity().id(), r.label());
        }
        out.println();
        for (Rule r : rules) {
            out.println(r.id() + ": " + r.definition());
        }
    }
}
