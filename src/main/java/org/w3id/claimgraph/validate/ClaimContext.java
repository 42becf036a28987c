package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * Looks up where claims are made (queries/validate/finding-context.rq): the document and the words of
 * the claim's first quote in the text, and what the build derived for them (their {@link Grading}), the curator's
 * grade once per assertion (queries/validate/curator-grades.rq). Claims and assertions are sent in batches, so a
 * report on many claims costs a few queries, the same locally and against an endpoint.
 */
final class ClaimContext {
    static final int BATCH = 500;
    private static final Var CLAIM = Var.alloc("claim");
    private static final Var ASSERTION = Var.alloc("assertion");

    record Where(String document, String quote, Grading grading) {
        static final Where UNKNOWN = new Where(null, null, Grading.NONE);
    }

    private ClaimContext() {}

    /** A curator's grade of an assertion: the grade and its notation. */
    private record CuratorGrade(Node grade, String id) {}

    static Map<Node, Where> lookup(GraphSource source, Query query, Query curatorGrades, List<Node> claims) {
        Map<Node, Where> found = new HashMap<>();
        Map<Node, Long> starts = new HashMap<>();
        Map<Node, Node> assertions = new HashMap<>();
        forEachRow(source, query, CLAIM, claims, row -> {
            Node claim = row.get(CLAIM);
            Node document = row.get(Var.alloc("document"));
            Node exact = row.get(Var.alloc("exact"));
            Node start = row.get(Var.alloc("start"));
            long at = start != null && start.getLiteralValue() instanceof Number n ? n.longValue() : Long.MAX_VALUE;
            Where current = found.get(claim);
            boolean earlier = current == null || (exact != null && (current.quote() == null || at < starts.get(claim)));
            if (earlier) {
                found.put(claim, new Where(document == null ? null : document.getURI(),
                        exact == null ? null : exact.getLiteralLexicalForm(), grading(row)));
                starts.put(claim, at);
                Node assertion = row.get(ASSERTION);
                if (assertion != null) assertions.put(claim, assertion);
                else assertions.remove(claim);
            }
        });
        Map<Node, CuratorGrade> overrides = new HashMap<>();
        forEachRow(source, curatorGrades, ASSERTION, new ArrayList<>(new LinkedHashSet<>(assertions.values())),
                row -> overrides.putIfAbsent(row.get(ASSERTION), new CuratorGrade(row.get(Var.alloc("curatorGrade")), text(row, "curatorGradeId"))));
        assertions.forEach((claim, assertion) -> {
            CuratorGrade override = overrides.get(assertion);
            if (override == null) return;
            Where w = found.get(claim);
            Grading g = w.grading();
            found.put(claim, new Where(w.document(), w.quote(), new Grading(g.grade(), g.gradeId(), g.derivedGrade(), g.derivedGradeId(),
                    override.grade(), override.id(), g.reviewed())));
        });
        return found;
    }

    /** Runs {@code query} for {@code nodes}, in batches (a VALUES block of {@code var}), and gives each row to {@code reader}. */
    private static void forEachRow(GraphSource source, Query query, Var var, List<Node> nodes, Consumer<Binding> reader) {
        for (int from = 0; from < nodes.size(); from += BATCH) {
            List<Binding> values = new ArrayList<>();
            for (Node node : nodes.subList(from, Math.min(nodes.size(), from + BATCH))) {
                values.add(BindingFactory.binding(var, node));
            }
            Query batch = query.cloneQuery();
            batch.setValuesDataBlock(List.of(var), values);
            source.stream(batch, null, rows -> {
                rows.forEachRemaining(reader);
                return null;
            });
        }
    }

    /** What the row says of the claim's grades; the curator's grade is the assertion's, looked up apart. */
    private static Grading grading(Binding row) {
        Node reviewed = row.get(Var.alloc("reviewed"));
        return new Grading(row.get(Var.alloc("grade")), text(row, "gradeId"),
                row.get(Var.alloc("derivedGrade")), text(row, "derivedGradeId"), null, null,
                reviewed != null && reviewed.isLiteral() && reviewed.getLiteralValue() instanceof Boolean b ? b : null);
    }

    private static String text(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }
}
