package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * Looks up where claims are made (queries/validate/finding-context.rq): the document and the words of
 * the claim's first quote in the text, and what the build derived for them (their {@link Grading}). Claims are sent in batches, so a report on many claims costs a
 * few queries, the same locally and against an endpoint.
 */
final class ClaimContext {
    static final int BATCH = 500;
    private static final Var CLAIM = Var.alloc("claim");

    record Where(String document, String quote, Grading grading) {
        static final Where UNKNOWN = new Where(null, null, Grading.NONE);
    }

    private ClaimContext() {}

    static Map<Node, Where> lookup(GraphSource source, Query query, List<Node> claims) {
        Map<Node, Where> found = new HashMap<>();
        Map<Node, Long> starts = new HashMap<>();
        for (int from = 0; from < claims.size(); from += BATCH) {
            List<Binding> values = new ArrayList<>();
            for (Node claim : claims.subList(from, Math.min(claims.size(), from + BATCH))) {
                values.add(BindingFactory.binding(CLAIM, claim));
            }
            Query batch = query.cloneQuery();
            batch.setValuesDataBlock(List.of(CLAIM), values);
            source.stream(batch, null, rows -> {
                rows.forEachRemaining(row -> {
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
                    }
                });
                return null;
            });
        }
        return found;
    }

    private static Grading grading(Binding row) {
        Node reviewed = row.get(Var.alloc("reviewed"));
        return new Grading(row.get(Var.alloc("grade")), text(row, "gradeId"),
                row.get(Var.alloc("derivedGrade")), text(row, "derivedGradeId"),
                row.get(Var.alloc("curatorGrade")), text(row, "curatorGradeId"),
                reviewed != null && reviewed.isLiteral() && reviewed.getLiteralValue() instanceof Boolean b ? b : null);
    }

    private static String text(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }
}
