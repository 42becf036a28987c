package org.w3id.claimgraph.validate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.rules.Rule;

/**
 * A claim explained in words: what it says (negation, population, form, route, quantities), where, its
 * grade and the literature reviews behind it, the grade's derivation step by step, each line of evidence with
 * the level it supports on its own or why it was set aside, and the result of every rule for it.
 */
public final class ExplanationTextWriter {
    private final ClaimLocator locator;

    public ExplanationTextWriter(ClaimLocator locator) {
        this.locator = locator;
    }

    public void write(Explanation e, PrintStream out) {
        Map<String, String> d = e.details();
        String id = CG.shortId(e.claim());
        out.println("claim:" + id + "  <" + e.claim() + ">");
        out.println();
        field(out, "says", d.get("subject") + " \u2014 " + ("true".equals(d.get("negated")) ? "not " : "")
                + ("true".equals(d.get("direct")) ? "directly " : "") + d.get("relation") + " \u2192 " + d.get("object"));
        List<String> context = new ArrayList<>();
        if (d.containsKey("population")) context.add("population: " + d.get("population"));
        if (d.containsKey("form")) context.add("form: " + d.get("form"));
        if (d.containsKey("route")) context.add("route: " + d.get("route"));
        if (!context.isEmpty()) field(out, "about", String.join("; ", context));
        if (d.containsKey("status")) field(out, "status", d.get("status"));
        for (Map<String, String> q : e.quotes()) {
            field(out, "quote", "\"" + oneLine(q.get("exact")) + "\"  (characters " + q.get("start") + "\u2013" + q.get("end") + ")");
        }
        List<String> doc = new ArrayList<>();
        if (d.containsKey("title")) doc.add(d.get("title"));
        List<String> about = new ArrayList<>();
        if (d.containsKey("publisher")) about.add(d.get("publisher"));
        if (d.containsKey("genre")) about.add(d.get("genre"));
        if (!about.isEmpty()) doc.add("(" + String.join(", ", about) + ")");
        field(out, "document", String.join(" ", doc));
        field(out, "", locator.locate(d.get("documentId"), id));
        field(out, "stated", "true".equals(d.get("hedged")) ? "hedged" : "false".equals(d.get("hedged")) ? "asserted outright (not hedged)" : "?");
        if (d.containsKey("qualifiers") && !d.get("qualifiers").isEmpty()) field(out, "qualifier", d.get("qualifiers"));
        for (Map<String, String> dose : e.doses()) {
            String amount = dose.containsKey("min") ? number(dose.get("min")) + "\u2013" + number(dose.get("max")) : number(dose.get("max"));
            field(out, "dose", amount + " mg/day of " + dose.getOrDefault("of", "?") + " (" + dose.getOrDefault("scope", "?") + ")");
        }
        for (Map<String, String> q : e.quantities()) field(out, "quantity", quantity(q));
        String grade = d.getOrDefault("grade", "?");
        if (d.containsKey("curatorGrade")) {
            grade += " \u2014 a curator's override (derived: " + d.getOrDefault("derivedGrade", "?") + "): " + d.getOrDefault("overrideReason", "");
        } else if (d.containsKey("status")) {
            grade += " \u2014 " + d.get("status") + " (derived: " + d.getOrDefault("derivedGrade", "?") + ")";
        } else {
            grade += " \u2014 derived from the evidence";
        }
        field(out, "grade", grade);
        if (e.reviews().isEmpty()) field(out, "review", "none recorded: not yet checked against the literature");
        for (Map<String, String> r : e.reviews()) {
            String on = r.containsKey("on") && !r.get("on").equals(e.claim()) ? " (recorded on claim:" + CG.shortId(r.get("on")) + ")" : "";
            field(out, "review", r.get("date") + (r.containsKey("reviewer") ? " by " + r.get("reviewer") : "") + on
                    + ": " + r.get("result") + "; searched " + oneLine(r.get("searched")));
        }
        out.println();
        out.println("derivation (ontology/grading.ttl)");
        if (e.derivation().isEmpty()) {
            out.println("  (none: the graph has no derived grades)");
        } else {
            Map<String, String> first = e.derivation().get(0);
            out.println("  starts " + first.get("start") + ": " + oneLine(first.getOrDefault("startReason", "")));
            for (Map<String, String> step : e.derivation()) {
                if (!step.containsKey("order")) continue;
                out.println("  " + signed(step.get("change")) + " " + step.get("factor") + ": " + oneLine(step.get("reason")));
            }
            out.println("  = " + first.get("result") + (first.containsKey("basedOn")
                    ? "  (rests on " + first.get("basedOn").replace(CG.ID + "claim/", "claim:") + ")" : ""));
        }
        out.println();
        out.println("evidence");
        if (e.evidence().isEmpty()) out.println("  (none)");
        for (Map<String, String> ev : e.evidence()) {
            StringBuilder sb = new StringBuilder("  ");
            sb.append(String.format("%-9s", ev.getOrDefault("direction", "?"))).append(' ').append(ev.get("type"));
            if (ev.containsKey("citationKind")) sb.append(", ").append(ev.get("citationKind"));
            out.println(sb);
            if (ev.containsKey("reference")) out.println("            " + reference(ev));
            if (ev.containsKey("note")) out.println("            note: " + oneLine(ev.get("note")));
            if (ev.containsKey("onClaim") && !ev.get("onClaim").equals(e.claim())) {
                out.println("            on claim:" + CG.shortId(ev.get("onClaim")) + ", which asserts the same");
            }
            if (ev.containsKey("lineGrade")) out.println("            counts: " + ev.get("lineGrade") + " on its own");
            if (ev.containsKey("setAside")) out.println("            set aside: " + oneLine(ev.get("setAside")));
        }
        out.println();
        out.println("rules (" + e.findings().size() + " finding(s))");
        int width = e.rules().stream().mapToInt(r -> r.id().length()).max().orElse(4);
        for (Rule rule : e.rules()) {
            List<Finding> hits = e.findings().stream().filter(f -> f.rule().equals(rule.id())).toList();
            if (hits.isEmpty()) {
                out.printf("  %-9s  %s%n", "ok", rule.id());
            }
            for (Finding f : hits) {
                out.printf("  %-9s  %-" + width + "s  %s%n", f.severity().id(), rule.id(), oneLine(f.message()));
            }
        }
    }

    private static String reference(Map<String, String> ev) {
        List<String> parts = new ArrayList<>();
        if (ev.containsKey("title")) parts.add("\u201C" + ev.get("title") + "\u201D");
        List<String> cite = new ArrayList<>();
        if (ev.containsKey("authors")) cite.add(ev.get("authors"));
        if (ev.containsKey("journal")) cite.add(ev.get("journal"));
        if (ev.containsKey("year")) cite.add(ev.get("year"));
        if (!cite.isEmpty()) parts.add(String.join(", ", cite));
        if (ev.containsKey("doi")) parts.add("doi:" + ev.get("doi"));
        if (ev.containsKey("pmid")) parts.add("PMID " + ev.get("pmid"));
        List<String> design = new ArrayList<>();
        if (ev.containsKey("design")) design.add(ev.get("design"));
        if (ev.containsKey("participants")) design.add("n=" + ev.get("participants"));
        if (ev.containsKey("includedStudies")) design.add(ev.get("includedStudies") + " studies");
        if ("false".equals(ev.get("traceable"))) design.add("cannot be traced");
        if (!design.isEmpty()) parts.add("[" + String.join(", ", design) + "]");
        if (parts.isEmpty()) parts.add("<" + ev.get("reference") + ">");
        return String.join(" ", parts);
    }

    private static String quantity(Map<String, String> q) {
        if (q.containsKey("numerator")) {
            return q.get("kind") + " " + number(q.get("numeratorValue")) + ":" + number(q.get("denominatorValue")) + " ("
                    + q.get("numerator") + " to " + q.get("denominator") + ")";
        }
        String range = q.containsKey("min") && q.containsKey("max") ? number(q.get("min")) + "\u2013" + number(q.get("max"))
                : q.containsKey("max") ? "up to " + number(q.get("max")) : "at least " + number(q.getOrDefault("min", "?"));
        return q.get("kind") + " " + range + (q.containsKey("unit") ? " " + q.get("unit") + "s" : "");
    }

    /** "−1", "+1": the change of a step with a real minus sign. */
    private static String signed(String change) {
        int n = Integer.parseInt(change);
        return (n < 0 ? "\u2212" : "+") + Math.abs(n);
    }

    private static void field(PrintStream out, String name, String value) {
        out.printf("  %-10s %s%n", name, value);
    }

    private static String number(String decimal) {
        return decimal.endsWith(".0") ? decimal.substring(0, decimal.length() - 2) : decimal;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ");
    }
}
