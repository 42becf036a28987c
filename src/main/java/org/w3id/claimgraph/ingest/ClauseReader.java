package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the words around a relation cue that decide its subject and objects: a relative pronoun before it and
 * what it stands for ("serotonin and dopamine, both of which"), a noun cue after its object ("NMDA receptor
 * antagonist"), a phrase that opens the unit ("For emotional health, ..."), the passive, instance markers and
 * coordination. Every word list it uses is data (discourse.ttl).
 */
final class ClauseReader {
    private final Lexicon lex;

    ClauseReader(Lexicon lex) {
        this.lex = lex;
    }

    /**
     * The object of a noun cue that follows it ("NMDA receptor antagonist", "anxiety and stress relief"): the
     * concept ending right before the cue, with one joined to it by a coordinator alone; none when a concept
     * follows the cue, at once or after one word such as "of" (then the cue's object is after it, as usual).
     */
    List<Mention> postnominalObjects(UnitAnalysis u, UnitAnalysis.Cue cue, List<Mention> left) {
        if (left.isEmpty() || lex.roleAt(u.tokens(), cue.from(), "Postnominal") == null) return List.of();
        Mention last = left.get(left.size() - 1);
        if (last.to() != cue.from()) return List.of();
        for (Mention m : u.mentions()) {
            boolean takesIt = m.from() == cue.to() || m.from() == cue.to() + 1 && u.tokens().get(cue.to()).word()
                    && lex.roleAt(u.tokens(), cue.to(), "Coordinator") == null;
            if (takesIt) return List.of();
        }
        List<Mention> out = new ArrayList<>();
        if (left.size() > 1) {
            Mention before = left.get(left.size() - 2);
            if (last.from() - before.to() == 1 && lex.roleAt(u.tokens(), before.to(), "Coordinator") != null
                    && u.tokens().get(before.to()).word()) out.add(before);
        }
        out.add(last);
        return out;
    }

    /** Where a relative pronoun ends that stands right before the cue (hedges and adverbs may follow it), or -1. */
    int relativeBefore(UnitAnalysis u, UnitAnalysis.Cue cue) {
        for (int r = cue.from() - 1; r >= Math.max(0, cue.from() - 6); r--) {
            PhraseIndex.Match<String> rel = lex.roleAt(u.tokens(), r, "Relative");
            if (rel == null || rel.to() > cue.from()) continue;
            for (int i = rel.to(); i < cue.from(); i++) {
                if (!u.tokens().get(i).word() || !u.mentionsBetween(i, i + 1).isEmpty()) return -1;
            }
            // The longest pronoun that ends here: "both of which", not "which".
            for (int start = Math.max(0, r - 3); start < r; start++) {
                PhraseIndex.Match<String> longer = lex.roleAt(u.tokens(), start, "Relative");
                if (longer != null && longer.to() == rel.to()) return start;
            }
            return r;
        }
        return -1;
    }

    /** The concepts a relative pronoun before the cue stands for: those ending right before it (or its comma), with those coordinated. */
    List<Concept> relativeHead(UnitAnalysis u, UnitAnalysis.Cue cue) {
        int r = relativeBefore(u, cue);
        if (r <= 0) return List.of();
        int end = u.tokens().get(r - 1).norm().equals(",") ? r - 1 : r;
        List<Mention> before = u.mentionsBetween(0, end);
        if (before.isEmpty() || before.get(before.size() - 1).to() != end) return List.of();
        List<Concept> head = new ArrayList<>();
        head.add(before.get(before.size() - 1).concept());
        for (int i = before.size() - 2; i >= 0 && onlyCoordinators(u, before.get(i).to(), before.get(i + 1).from()); i--) {
            if (!head.contains(before.get(i).concept())) head.add(0, before.get(i).concept());
        }
        return head;
    }

    /** Whether a relative pronoun before the cue follows a word that names no concept ("factors that deplete"). */
    boolean relativeAfterUnnamed(UnitAnalysis u, UnitAnalysis.Cue cue) {
        int r = relativeBefore(u, cue);
        if (r <= 0 || !u.tokens().get(r - 1).word()) return false;
        int word = r - 1;
        return u.mentions().stream().noneMatch(m -> m.from() <= word && word < m.to()) && !lex.isFunctionWord(u.tokens().get(word));
    }

    /**
     * Where the phrase that opens a unit with an opener and a cue ("For emotional health,", "By promoting
     * relaxation,") ends: its comma; or -1 when the unit opens otherwise or has no comma.
     */
    int frontedPhraseEnd(UnitAnalysis u) {
        if (u.cues().isEmpty() || u.cues().get(0).from() > 1 || lex.roleAt(u.tokens(), 0, "Opener") == null) return -1;
        if (!u.mentionsBetween(0, u.cues().get(0).from()).isEmpty() || u.anaphorBetween(0, u.cues().get(0).from())) return -1;
        for (int i = u.cues().get(0).to(); i < u.tokens().size(); i++) {
            if (u.tokens().get(i).norm().equals(",")) return i;
        }
        return -1;
    }

    /** The agents named right after a comma (and those coordinated with them), or none. */
    List<Concept> agentsAfter(UnitAnalysis u, int comma) {
        List<Mention> after = u.mentionsBetween(comma + 1, u.tokens().size());
        if (after.isEmpty() || after.get(0).from() > comma + 2 || !after.get(0).concept().isAgent()) return List.of();
        List<Concept> out = new ArrayList<>();
        out.add(after.get(0).concept());
        for (int i = 1; i < after.size() && onlyCoordinators(u, after.get(i - 1).to(), after.get(i).from()); i++) {
            if (!out.contains(after.get(i).concept())) out.add(after.get(i).concept());
        }
        return out;
    }

    /** The token at which an instance marker ("include", "such as") starts in [from, to), or -1. */
    int instanceMarker(UnitAnalysis u, int from, int to) {
        for (int i = from; i < to; i++) {
            if (lex.roleAt(u.tokens(), i, "Instance") != null) return i;
        }
        return -1;
    }

    /** A form of 'to be' shortly before the cue and "by" right after it. */
    boolean passive(UnitAnalysis u, UnitAnalysis.Cue cue) {
        if (cue.to() >= u.tokens().size() || lex.roleAt(u.tokens(), cue.to(), "Agent") == null) return false;
        for (int i = Math.max(0, cue.from() - 3); i < cue.from(); i++) {
            if (lex.roleAt(u.tokens(), i, "BeForm") != null) return true;
        }
        return false;
    }

    /** Whether two concepts are coordinated: only coordinators between them, or the same words (what "these hormones" refers to). */
    boolean onlyCoordinators(UnitAnalysis u, int from, int to) {
        return from > to || lex.onlyCoordinators(u.tokens(), from, to);
    }
}
