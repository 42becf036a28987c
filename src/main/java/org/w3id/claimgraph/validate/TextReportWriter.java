package org.w3id.claimgraph.validate;

import java.io.PrintStream;
import org.w3id.claimgraph.rules.Severity;

/**
 * One finding a line, like a compiler: where the claim is written, the claim, the rule, the severity,
 * the message and the quoted words.
 * <pre>
 * seeds/claims/002_880d95a52fef6df5.ttl:14: claim:002-003 [disputed] violation: Disputed by … — "The magnesium component is …"
 * </pre>
 */
public final class TextReportWriter implements ReportWriter {
    private final ClaimLocator locator;

    public TextReportWriter(ClaimLocator locator) {
        this.locator = locator;
    }

    @Override
    public void write(Report report, PrintStream out) {
        for (Finding f : report.findings()) {
            out.println(line(f));
        }
        if (!report.candidates().isEmpty()) {
            out.println("# " + report.candidateCount() + " candidate(s) from ingest, not yet reviewed (listed apart; they fail no run):");
            for (Finding f : report.candidates()) out.println(line(f));
        }
    }

    public String line(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(locator.locate(f.documentId(), f.claimId())).append(": ")
          .append("claim:").append(f.claimId())
          .append(" [").append(f.rule()).append("] ")
          .append(f.severity().id()).append(": ")
          .append(oneLine(f.message()));
        if (f.quote() != null) sb.append(" \u2014 \"").append(oneLine(f.quote())).append('"');
        return sb.toString();
    }

    /** The counts, for the end of a run (written to standard error so standard output stays one finding a line). */
    public static String summaryLine(Report report) {
        Summary s = report.summary();
        return String.format("%d finding(s) in %d claim(s): %d violation(s), %d warning(s), %d info; %s",
                s.findings(), s.claims(), s.count(Severity.VIOLATION), s.count(Severity.WARNING), s.count(Severity.INFO),
                report.failOn() == null ? "nothing fails the run (--fail-on none)"
                        : report.passes() ? "nothing at or above " + report.failOn().id()
                        : "failing: findings at or above " + report.failOn().id())
                + (report.candidates().isEmpty() ? "" : "; " + report.candidateCount() + " candidate(s) listed apart");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
