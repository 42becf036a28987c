package org.w3id.claimgraph.validate;

import java.io.PrintStream;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonBoolean;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.w3id.claimgraph.rules.Severity;

/**
 * The report as JSON, in the schema documented in README.md ("Validation", "JSON report"): a format version,
 * what was validated, whether the run passes, a summary of counts by severity and rule, and the findings. Keys
 * are always present and in this order (Jena's JSON objects keep their keys' order); absent values are null.
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
        JSON.write(out, toJson(report));
        out.println();
    }

    static JsonObject toJson(Report report) {
        Summary summary = report.summary();
        JsonObject root = new JsonObject();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("source", report.source());
        root.put("engine", report.engine().id());
        JsonArray rules = new JsonArray();
        report.rulesRun().forEach(r -> rules.add(r.id()));
        root.put("rules", rules);
        root.put("failOn", report.failOn() == null ? "none" : report.failOn().id());
        root.put("passed", report.passes());

        JsonObject counts = new JsonObject();
        counts.put("findings", summary.findings());
        counts.put("claims", summary.claims());
        JsonObject bySeverity = new JsonObject();
        for (Severity s : List.of(Severity.VIOLATION, Severity.WARNING, Severity.INFO)) bySeverity.put(s.id(), summary.count(s));
        counts.put("bySeverity", bySeverity);
        JsonObject byRule = new JsonObject();
        summary.byRule().forEach(byRule::put);
        counts.put("byRule", byRule);
        root.put("summary", counts);

        root.put("findings", array(report.findings()));
        counts.put("candidates", report.candidateCount());
        root.put("candidates", array(report.candidates()));
        return root;
    }

    private static JsonArray array(List<Finding> list) {
        JsonArray findings = new JsonArray();
        for (Finding f : list) {
            JsonObject o = new JsonObject();
            o.put("claim", f.claim());
            o.put("claimId", f.claimId());
            o.put("rule", f.rule());
            o.put("severity", f.severity().id());
            o.put("message", f.message());
            o.put("document", text(f.document()));
            o.put("documentId", text(f.documentId()));
            o.put("quote", text(f.quote()));
            o.put("value", text(f.valueText()));
            Grading g = f.grading();
            o.put("grade", text(g.gradeId()));
            o.put("gradeSource", text(g.gradeSource()));
            o.put("derivedGrade", text(g.derivedGradeId()));
            o.put("curatorGrade", text(g.curatorGradeId()));
            o.put("reviewed", g.reviewed() == null ? JsonNull.instance : new JsonBoolean(g.reviewed()));
            findings.add(o);
        }
        return findings;
    }

    private static JsonValue text(String value) {
        return value == null ? JsonNull.instance : new JsonString(value);
    }
}
