package org.w3id.claimgraph.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Resolves a demonstrative and a noun ("this mineral", "these two minerals", "this deficiency") to the concepts it
 * refers back to: the nearest ones named before it, in its own unit and then in the units before, that are of
 * the type the noun names (a {@code lex:TypeNoun}) or whose label ends in the noun. "This" takes the nearest
 * one; "these" and "both" every one of the nearest unit that names any, or as many as a number word says.
 * The words become mentions of those concepts. One instance per document, fed the units in order.
 */
final class Antecedents {
    /** How many units back an antecedent is looked for. */
    private static final int UNITS_BACK = 6;
    /** How many words may stand between the demonstrative and its noun ("this incredible mineral"). */
    private static final int WORDS_BETWEEN = 2;

    private final Lexicon lex;
    private final ConceptIndex concepts;
    /** A concept named in a unit and the last word of the words that named it (normal form). */
    private record Named(Concept concept, String head) {}

    private final Deque<List<Named>> recent = new ArrayDeque<>();
    private final java.util.Map<Concept, String> lastWords = new java.util.HashMap<>();

    Antecedents(Lexicon lex, ConceptIndex concepts) {
        this.lex = lex;
        this.concepts = concepts;
    }

    /** The unit's mentions with its demonstrative phrases resolved, in token order. */
    List<Mention> resolve(List<Token> tokens, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>(mentions);
        boolean[] taken = new boolean[tokens.size()];
        for (Mention m : mentions) for (int i = m.from(); i < m.to(); i++) taken[i] = true;
        for (int i = 0; i < tokens.size(); i++) {
            if (taken[i]) continue;
            boolean plural = lex.roleAt(tokens, i, "PluralDemonstrative") != null;
            PhraseIndex.Match<String> det = plural ? lex.roleAt(tokens, i, "PluralDemonstrative") : lex.roleAt(tokens, i, "Demonstrative");
            if (det == null) continue;
            int count = plural ? 0 : 1;
            for (int j = det.to(); j < tokens.size() && j <= det.to() + WORDS_BETWEEN && !taken[j] && tokens.get(j).word(); j++) {
                java.math.BigDecimal n = lex.numberWords.get(tokens.get(j).norm());
                if (n != null && n.intValue() > 1) count = n.intValue();
                PhraseIndex.Match<String> noun = lex.typeNouns.longestAt(tokens, j, tokens.size());
                int end = noun != null ? noun.to() : j + 1;
                if (!endsNounPhrase(tokens, end)) continue;
                List<Concept> found = antecedents(tokens, j, out, det.from(), count);
                if (found.isEmpty()) continue;
                Mention ofMineral = mineralOf(tokens, end, out, found);
                if (ofMineral != null) {
                    // "this form of magnesium": the words name the form, not magnesium as well.
                    out.remove(ofMineral);
                    end = ofMineral.to();
                }
                for (Concept c : found) out.add(new Mention(c, det.from(), end, tokens.get(det.from()).start(), tokens.get(end - 1).end(), true));
                for (int t = det.from(); t < end; t++) taken[t] = true;
                i = end - 1;
                break;
            }
        }
        out.sort(Comparator.comparingInt(Mention::from));
        return out;
    }

    /** The mention of "of" + the mineral the one form found is a form of, right at {@code at}; or null. */
    private static Mention mineralOf(List<Token> tokens, int at, List<Mention> mentions, List<Concept> found) {
        if (found.size() != 1 || found.get(0).formOf() == null || at >= tokens.size() || !tokens.get(at).norm().equals("of")) return null;
        for (Mention m : mentions) if (m.from() == at + 1 && m.concept().iri().equals(found.get(0).formOf())) return m;
        return null;
    }

    private static List<Named> named(List<Token> tokens, List<Mention> mentions) {
        List<Named> out = new ArrayList<>();
        for (Mention m : mentions) out.add(new Named(m.concept(), tokens.get(m.to() - 1).norm()));
        return out;
    }

    /** The last word of a concept's preferred label (normal form), worked out once per concept. */
    private String lastWord(Concept c) {
        return lastWords.computeIfAbsent(c, k -> {
            List<Token> t = Tokenizer.tokenize(k.label());
            return t.isEmpty() ? "" : t.get(t.size() - 1).norm();
        });
    }

    /**
     * Whether a noun ending at {@code end} ends its phrase, so that it is the head and not a modifier ("this
     * balanced neurotransmitter environment"): the unit ends, or punctuation, a function word or a relation cue follows.
     */
    private boolean endsNounPhrase(List<Token> tokens, int end) {
        if (end >= tokens.size() || !tokens.get(end).word()) return true;
        return lex.isFunctionWord(tokens.get(end)) || lex.relations.longestAt(tokens, end, tokens.size()) != null;
    }

    /** Remembers a unit's final mentions as antecedents for the units after it. */
    void remember(List<Token> tokens, List<Mention> mentions) {
        recent.addFirst(named(tokens, mentions));
        if (recent.size() > UNITS_BACK) recent.removeLast();
    }

    /** The concepts the noun at {@code at} refers to, nearest first; empty when it is no type noun or label head. */
    private List<Concept> antecedents(List<Token> tokens, int at, List<Mention> current, int before, int count) {
        PhraseIndex.Match<String> noun = lex.typeNouns.longestAt(tokens, at, tokens.size());
        String head = tokens.get(at).norm();
        List<Concept> found = new ArrayList<>();
        List<Mention> here = new ArrayList<>();
        for (Mention m : current) if (m.to() <= before) here.add(m);
        Iterator<List<Named>> back = recent.iterator();
        List<Named> unit = named(tokens, here);
        while (unit != null) {
            List<Concept> inUnit = new ArrayList<>();
            for (int k = unit.size() - 1; k >= 0; k--) {
                Concept c = unit.get(k).concept();
                boolean fits = noun != null ? noun.values().stream().anyMatch(c::is)
                        : unit.get(k).head().equals(head) || lastWord(c).equals(head);
                if (fits && !inUnit.contains(c) && !found.contains(c)) inUnit.add(c);
            }
            for (Concept c : inUnit) {
                if (count > 0 && found.size() == count) break;
                found.add(c);
            }
            if (!found.isEmpty() && (count == 0 || found.size() >= count)) return count == 1 ? found.subList(0, 1) : found;
            unit = back.hasNext() ? back.next() : null;
        }
        return count > 1 ? List.of() : found;
    }
}
