package org.w3id.claimgraph.validate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.rules.Rule;

/**
 * A claim explained in words: what it says, where, on what evidence, its grade, and the result of
 * every rule for it.
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
        field(out, "says", d.get("subject") + " \u2014 " + d.get("relation") + " \u2192 " + d.get("object"));
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
        field(out, "grade", d.getOrDefault("grade", "?") + (d.containsKey("rationale") ? " \u2014 " + d.get("rationale") : ""));
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
        if ("false".equals(ev.get("traceable"))) design.add("cannot be traced");
        if (!design.isEmpty()) parts.add("[" + String.join(", ", design) + "]");
        if (parts.isEmpty()) parts.add("<" + ev.get("reference") + ">");
        return String.join(" ", parts);
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
