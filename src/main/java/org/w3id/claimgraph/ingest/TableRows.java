package org.w3id.claimgraph.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table written with cell borders ("| Magnesium Oxide | Poor | Laxative effect |"). Its first row is
 * the header, whose cells may hold a relation cue ("Primary Benefit for Mood", "Potential Side Effects",
 * "Bioavailability"); each row after it is about the concept its first cell names. In the row's other cells,
 * the concepts before any cue of the cell stand in the relation of the column's header ("Laxative effect"
 * under "Side Effects": causes); a cue in the cell relates the row's concept to the concepts after it; a
 * comparison in a cell ("gentle on stomach") is made against the other rows' concepts; and ratings under a
 * comparative header ("High", "Good", "Poor") rank the rows: a row rated higher is better than one rated lower.
 */
final class TableRows {
    private final Lexicon lex;

    TableRows(Lexicon lex) {
        this.lex = lex;
    }

    /** A unit that starts with a cell border. */
    static boolean isRow(UnitAnalysis u) {
        return !u.tokens().isEmpty() && u.tokens().get(0).norm().equals("|");
    }

    /** A row of data: its unit, the concept of its first cell, and its cells as token ranges. */
    private record Row(UnitAnalysis unit, Concept subject, List<int[]> cells) {}

    /** The claims of a table's rows, the header first. */
    List<Draft> read(List<UnitAnalysis> rows) {
        List<UnitAnalysis.Cue> columnCues = new ArrayList<>();
        UnitAnalysis header = rows.get(0);
        for (int[] cell : cells(header)) columnCues.add(firstCue(header, cell));
        List<Row> data = new ArrayList<>();
        for (UnitAnalysis u : rows.subList(1, rows.size())) {
            List<int[]> cells = cells(u);
            if (cells.isEmpty()) continue;
            List<Mention> first = u.mentionsBetween(cells.get(0)[0], cells.get(0)[1]);
            if (!first.isEmpty()) data.add(new Row(u, first.get(0).concept(), cells));
        }
        List<Draft> out = new ArrayList<>();
        for (Row r : data) {
            for (int i = 1; i < r.cells().size(); i++) {
                UnitAnalysis.Cue column = i < columnCues.size() ? columnCues.get(i) : null;
                cell(r, r.cells().get(i), column, data, out);
            }
        }
        for (int i = 1; i < columnCues.size(); i++) {
            if (columnCues.get(i) != null && columnCues.get(i).cue().comparative()) ranks(data, i, columnCues.get(i), out);
        }
        return out;
    }

    private void cell(Row r, int[] cell, UnitAnalysis.Cue column, List<Row> data, List<Draft> out) {
        UnitAnalysis u = r.unit();
        List<UnitAnalysis.Cue> cues = new ArrayList<>();
        for (UnitAnalysis.Cue c : u.cues()) if (c.from() >= cell[0] && c.to() <= cell[1]) cues.add(c);
        int firstCue = cues.isEmpty() ? cell[1] : cues.get(0).from();
        if (column != null && !column.cue().comparative()) {
            for (Mention m : u.mentionsBetween(cell[0], firstCue)) add(out, u, r.subject(), column, m.concept(), m.from());
        }
        for (int k = 0; k < cues.size(); k++) {
            UnitAnalysis.Cue c = cues.get(k);
            int end = k + 1 < cues.size() ? cues.get(k + 1).from() : cell[1];
            List<Concept> objects = new ArrayList<>();
            for (Mention m : u.mentionsBetween(c.to(), end)) objects.add(m.concept());
            if (c.cue().comparative() && objects.stream().noneMatch(o -> o.is("Form"))) {
                objects.clear();
                for (Row other : data) if (other != r) objects.add(other.subject());
            }
            for (Concept o : objects) add(out, u, r.subject(), c, o, c.from());
        }
    }

    /** Under a comparative header, each row is better than every row rated lower. */
    private void ranks(List<Row> data, int column, UnitAnalysis.Cue header, List<Draft> out) {
        List<BigDecimal> rating = new ArrayList<>();
        for (Row r : data) {
            BigDecimal found = null;
            if (column < r.cells().size()) {
                int[] cell = r.cells().get(column);
                for (int i = cell[0]; i < cell[1] && found == null; i++) {
                    PhraseIndex.Match<BigDecimal> m = lex.ratings.longestAt(r.unit().tokens(), i, cell[1]);
                    if (m != null) found = m.value();
                }
            }
            rating.add(found);
        }
        for (int a = 0; a < data.size(); a++) {
            for (int b = 0; b < data.size(); b++) {
                if (rating.get(a) == null || rating.get(b) == null || rating.get(a).compareTo(rating.get(b)) <= 0) continue;
                Row r = data.get(a);
                add(out, r.unit(), r.subject(), header, data.get(b).subject(), r.cells().get(column)[0]);
            }
        }
    }

    private static void add(List<Draft> out, UnitAnalysis u, Concept subject, UnitAnalysis.Cue cue, Concept object, int at) {
        if (subject.equals(object) || object.isPopulation()) return;
        boolean hedged = u.inScope(at, Lexicon.ScopeKind.HEDGE);
        boolean negated = u.inScope(at, Lexicon.ScopeKind.NEGATION);
        String relation = cue.cue().relationFor(object);
        if (cue.cue().inverse()) out.add(new Draft(u, object, relation, subject, cue, hedged, negated, false));
        else out.add(new Draft(u, subject, relation, object, cue, hedged, negated, false));
    }

    private static UnitAnalysis.Cue firstCue(UnitAnalysis u, int[] cell) {
        for (UnitAnalysis.Cue c : u.cues()) if (c.from() >= cell[0] && c.to() <= cell[1]) return c;
        return null;
    }

    /** The token ranges between cell borders. */
    private static List<int[]> cells(UnitAnalysis u) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < u.tokens().size(); i++) {
            if (!u.tokens().get(i).norm().equals("|")) continue;
            if (start >= 0 && i > start + 1) out.add(new int[] {start + 1, i});
            start = i;
        }
        if (start >= 0 && start + 1 < u.tokens().size()) out.add(new int[] {start + 1, u.tokens().size()});
        return out;
    }
}
