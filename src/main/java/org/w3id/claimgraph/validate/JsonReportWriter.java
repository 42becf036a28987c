package org.w3id.claimgraph.validate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON, in the schema documented in README.md ("Validation", "JSON report"): a format
 * version, what was validated, whether the run passes, a summary of counts by severity and rule, and
 * the findings. Keys are always present and in this order; absent values are null.
 */
public final class JsonReportWriter implements ReportWriter {
    /**
     * Raised when the schema changes. Version 2 keeps every key of version 1 and adds, to each finding, the
     * claim's grade, its source, the derived and curator's grades and whether it was reviewed; its rules
     * changed too (grade-exceeds-evidence gave way to grade-override; unreviewed is new).
     */
    public static final int FORMAT_VERSION = 2;

    @Override
    public void write(Report report, PrintStream out) {
        out.print(JsonText.write(toJson(report)));
    }

    static Map<String, Object> toJson(Report report) {
        Summary summary = report.summary();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("source", report.source());
        root.put("engine", report.engine().id());
        root.put("rules", report.rulesRun().stream().map(Rule::id).toList());
        root.put("failOn", report.failOn() == null ? "none" : report.failOn().id());
        root.put("passed", report.passes());

        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("findings", summary.findings());
        counts.put("claims", summary.claims());
        Map<String, Object> bySeverity = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.VIOLATION, Severity.WARNING, Severity.INFO)) bySeverity.put(s.id(), summary.count(s));
        counts.put("bySeverity", bySeverity);
        counts.put("byRule", new LinkedHashMap<>(summary.byRule()));
        root.put("summary", counts);

        List<Object> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("claim", f.claim());
            o.put("claimId", f.claimId());
            o.put("rule", f.rule());
            o.put("severity", f.severity().id());
            o.put("message", f.message());
            o.put("document", f.document());
            o.put("documentId", f.documentId());
            o.put("quote", f.quote());
            o.put("value", f.valueText());
            Grading g = f.grading();
            o.put("grade", g.gradeId());
            o.put("gradeSource", g.gradeSource());
            o.put("derivedGrade", g.derivedGradeId());
            o.put("curatorGrade", g.curatorGradeId());
            o.put("reviewed", g.reviewed());
            findings.add(o);
        }
        root.put("findings", findings);
        return root;
    }
}
