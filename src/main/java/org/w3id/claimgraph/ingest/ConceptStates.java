package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a concept with a state marker next to it as the state the marker names ({@code states.ttl}): "low
 * magnesium", "without enough magnesium", "magnesium levels are low" name magnesium deficiency. A marker after
 * a concept also qualifies the concepts coordinated before it ("magnesium or calcium levels may be off"), and
 * alternatives whose states the vocabulary joins in a concept union (cg:anyOf) name the union. The
 * state's mention covers the marker too, so that no relation cue is read inside it ("depleted").
 */
final class ConceptStates {
    private ConceptStates() {}

    static List<Mention> apply(List<Token> tokens, List<Mention> mentions, Lexicon lex, ConceptIndex concepts) {
        List<Mention> out = new ArrayList<>();
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            int previousEnd = out.isEmpty() ? 0 : out.get(out.size() - 1).to();
            List<Mention> named = List.of(m);
            for (int s = previousEnd; s < m.from(); s++) {
                PhraseIndex.Match<Lexicon.StateMarker> marker = lex.statesBefore.longestAt(tokens, s, m.from());
                if (marker == null || marker.to() != m.from()) continue;
                named = as(m, concepts.statesOf(m.concept(), marker.value().nouns()), marker.from(), m.to(), tokens, named);
                break;
            }
            int nextFrom = k + 1 < mentions.size() ? mentions.get(k + 1).from() : tokens.size();
            PhraseIndex.Match<Lexicon.StateMarker> marker = lex.statesAfter.longestAt(tokens, m.to(), nextFrom);
            if (marker != null) {
                List<Concept> states = new ArrayList<>();
                for (Mention n : named) states.addAll(concepts.statesOf(n.concept(), marker.value().nouns()));
                named = as(named.get(0), states, named.get(0).from(), marker.to(), tokens, named);
                if (!states.isEmpty()) {
                    // "magnesium or calcium levels may be off": the concepts coordinated before take the state too.
                    int at = out.size();
                    List<Concept> alternatives = new ArrayList<>(List.of(m.concept()));
                    while (at > 0 && lex.onlyCoordinators(tokens, out.get(at - 1).to(), (at < out.size() ? out.get(at) : named.get(0)).from())) {
                        Mention c = out.get(at - 1);
                        List<Concept> coordinated = concepts.statesOf(c.concept(), marker.value().nouns());
                        if (coordinated.isEmpty()) break;
                        alternatives.add(0, c.concept());
                        out.set(at - 1, c.as(coordinated.get(0), c.from(), c.to(), c.start(), c.end()));
                        at--;
                    }
                    // Alternatives ("or") whose states the vocabulary joins in a concept union name that union, once.
                    Concept union = at < out.size() && hasOr(tokens, out.get(at).to(), m.from())
                            ? concepts.unionOf(alternatives, marker.value().nouns()) : null;
                    if (union != null) {
                        Mention first = out.get(at);
                        named = List.of(first.as(union, first.from(), marker.to(), first.start(), tokens.get(marker.to() - 1).end()));
                        out.subList(at, out.size()).clear();
                    }
                }
            }
            out.addAll(named);
        }
        return out;
    }

    private static boolean hasOr(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) if (tokens.get(i).norm().equals("or")) return true;
        return false;
    }

    /** The mention read as the states found (one mention each, over the same words), or as it was when there are none. */
    private static List<Mention> as(Mention m, List<Concept> states, int from, int to, List<Token> tokens, List<Mention> otherwise) {
        if (states.isEmpty()) return otherwise;
        List<Mention> out = new ArrayList<>();
        for (Concept state : states) out.add(m.as(state, from, to, tokens.get(from).start(), tokens.get(to - 1).end()));
        return out;
    }
}
