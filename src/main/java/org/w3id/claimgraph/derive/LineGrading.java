package org.w3id.claimgraph.derive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.claimgraph.project.CG;

/**
 * Rates every line of evidence on its own (grading.ttl, steps 1 and 2): where it starts or why it is set
 * aside, the line factors with their reasons, one counted line per study, assertion and direction. Runs
 * each query once over the whole graph and aggregates in memory, in time and memory linear in the lines.
 */
final class LineGrading {
    private static final Var LINE = Var.alloc("line");

    private final Definitions definitions;
    private final DerivedGraph graph;

    LineGrading(Definitions definitions, DerivedGraph graph) {
        this.definitions = definitions;
        this.graph = graph;
    }

    /** Every line with a direction, keyed and ordered by IRI. */
    Map<Node, Line> rate() {
        GradeScale scale = definitions.scale();
        Map<Node, Line> lines = new TreeMap<>(Comparator.comparing(Node::toString));
        graph.select(definitions.lineStart(), row -> {
            Node iri = row.get(LINE);
            if (iri == null || lines.containsKey(iri)) return;
            Node start = row.get(Var.alloc("start"));
            Node setAside = row.get(Var.alloc("setAside"));
            lines.put(iri, new Line(iri, row.get(Var.alloc("claim")), row.get(Var.alloc("assertion")),
                    CG.cg("Supports").equals(row.get(Var.alloc("direction"))), row.get(Var.alloc("reference")),
                    text(row, "citation"), row.get(Var.alloc("reported")) != null,
                    Boolean.TRUE.equals(literal(row, "byArticle")),
                    start == null ? scale.lowest() : scale.rank(start), text(row, "startReason"),
                    start == null ? (setAside == null ? "it has no starting level" : setAside.getLiteralLexicalForm()) : null));
        });

        Map<Node, Map<Node, Map<String, Reason>>> reasons = new HashMap<>();
        Map<Node, Factor> byIri = new HashMap<>();
        definitions.factors().forEach(f -> byIri.put(f.iri(), f));
        for (Factor factor : definitions.factors()) {
            for (Query condition : factor.lineConditions()) {
                graph.select(condition, row -> collect(reasons, factor.iri(), row, false));
            }
        }
        graph.select(definitions.recordedLimitations(), row -> {
            Node factor = row.get(Var.alloc("factor"));
            if (byIri.containsKey(factor)) collect(reasons, factor, row, true);
        });

        for (Line line : lines.values()) {
            if (!line.counts()) continue;
            Map<Node, Map<String, Reason>> ofLine = reasons.getOrDefault(line.iri, Map.of());
            for (Factor factor : definitions.factors()) {
                Map<String, Reason> found = ofLine.get(factor.iri());
                if (found == null || found.isEmpty()) continue;
                if (line.reportedCertainty && factor.coveredByReportedCertainty()) continue;
                List<Reason> distinct = found.values().stream().sorted(Comparator.comparing(Reason::text)).toList();
                if (!line.supports && factor.setsAsideUnrecordedDisputes()) {
                    List<String> unrecorded = distinct.stream().filter(r -> !r.recorded).map(r -> r.text).toList();
                    if (!unrecorded.isEmpty()) {
                        line.setAside = "it does not bear on the claim (" + String.join("; ", unrecorded)
                                + ") and no curator recorded the difference";
                        break;
                    }
                }
                int levels = distinct.stream().mapToInt(r -> r.change == null ? 1 : Math.abs(r.change)).sum();
                int change = factor.change(levels);
                if (change == 0) continue;
                line.steps.add(new Step(factor.iri(), factor.label(), change,
                        String.join("; ", distinct.stream().map(r -> r.text).toList())));
                line.level += change;
            }
            line.level = scale.clamp(line.level);
        }
        countEachStudyOnce(lines.values());
        return lines;
    }

    /** Of the counted lines of one assertion and direction resting on the same study, the best counts. */
    private void countEachStudyOnce(Iterable<Line> lines) {
        Map<Node, Node> study = graph.read(LineGrading::studies);
        Map<String, Line> kept = new HashMap<>();
        for (Line line : lines) {
            if (!line.counts() || line.reference == null) continue;
            Node same = study.getOrDefault(line.reference, line.reference);
            String key = line.assertion + " " + line.supports + " " + same;
            Line other = kept.get(key);
            if (other == null) {
                kept.put(key, line);
            } else if (line.level > other.level || (line.level == other.level && other.byArticle && !line.byArticle)) {
                other.setAside = "it rests on the same study as " + line.iri.getURI() + ", which counts instead";
                kept.put(key, line);
            } else {
                line.setAside = "it rests on the same study as " + other.iri.getURI() + ", which counts instead";
            }
        }
    }

    /** Each reference to the first (by IRI) of the references that report the same study (cg:sameStudyAs, both ways). */
    private static Map<Node, Node> studies(Graph g) {
        Map<Node, List<Node>> linked = new HashMap<>();
        g.find(Node.ANY, CG.cg("sameStudyAs"), Node.ANY).forEachRemaining((Triple t) -> {
            linked.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t.getObject());
            linked.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t.getSubject());
        });
        Map<Node, Node> first = new HashMap<>();
        for (Node start : linked.keySet()) {
            if (first.containsKey(start)) continue;
            List<Node> group = new ArrayList<>(List.of(start));
            for (int i = 0; i < group.size(); i++) {
                for (Node next : linked.getOrDefault(group.get(i), List.of())) if (!group.contains(next)) group.add(next);
            }
            Node min = group.stream().min(Comparator.comparing(Node::toString)).orElseThrow();
            group.forEach(n -> first.put(n, min));
        }
        return first;
    }

    /** A reason of one factor for one line: its words, whether a curator recorded it, its own change if any. */
    private record Reason(String text, boolean recorded, Integer change) {}

    private static void collect(Map<Node, Map<Node, Map<String, Reason>>> reasons, Node factor, Binding row, boolean recordedByDefault) {
        Node line = row.get(LINE);
        String text = text(row, "reason");
        if (line == null || text == null) return;
        Node dimension = row.get(Var.alloc("dimension"));
        Node recordedNode = row.get(Var.alloc("recorded"));
        boolean recorded = recordedNode == null ? recordedByDefault : Boolean.TRUE.equals(recordedNode.getLiteralValue());
        Node changeNode = row.get(Var.alloc("change"));
        Integer change = changeNode != null && changeNode.getLiteralValue() instanceof Number n ? n.intValue() : null;
        Map<String, Reason> ofFactor = reasons.computeIfAbsent(line, k -> new HashMap<>())
                .computeIfAbsent(factor, k -> new LinkedHashMap<>());
        String key = dimension != null ? dimension.getURI() : text;
        Reason existing = ofFactor.get(key);
        if (existing == null || (recorded && !existing.recorded)) ofFactor.put(key, new Reason(text, recorded, change));
        else if (recorded == existing.recorded && !existing.text.equals(text) && existing.text.compareTo(text) > 0) {
            ofFactor.put(key, new Reason(text, recorded, change));
        }
    }

    private static Object literal(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() ? n.getLiteralValue() : null;
    }

    static String text(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }
}
