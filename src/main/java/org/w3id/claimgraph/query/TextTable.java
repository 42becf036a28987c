package org.w3id.claimgraph.query;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;

/** Renders rows as an aligned plain-text table: IRIs in prefixed form, literals by their lexical form. */
public final class TextTable {
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public static TextTable of(ResultSet results, PrefixMapping prefixes) {
        TextTable table = new TextTable(results.getResultVars());
        results.forEachRemaining(solution -> {
            List<String> row = new ArrayList<>();
            for (String var : table.columns) {
                RDFNode value = solution.get(var);
                row.add(value == null ? "" : show(value.asNode(), prefixes));
            }
            table.rows.add(row);
        });
        return table;
    }

    public static String show(Node node, PrefixMapping prefixes) {
        if (node.isURI()) return prefixes.shortForm(node.getURI());
        if (node.isLiteral()) return node.getLiteralLexicalForm();
        return node.toString();
    }

    /** Adds a row of cells, one per column. */
    public TextTable add(List<String> row) {
        if (row.size() != columns.size()) throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + row.size());
        rows.add(List.copyOf(row));
        return this;
    }

    public int size() {
        return rows.size();
    }

    public void print(PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        printRow(out, columns, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) rule.append("  ");
            rule.append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<String> row : rows) printRow(out, row, widths);
    }

    private static void printRow(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append("  ");
            String cell = cells.get(i);
            boolean numeric = cell.matches("-?\\d+(\\.\\d+)?");
            String pad = " ".repeat(widths[i] - cell.length());
            sb.append(numeric ? pad + cell : cell + (i == cells.size() - 1 ? "" : pad));
        }
        out.println(sb);
    }
}
