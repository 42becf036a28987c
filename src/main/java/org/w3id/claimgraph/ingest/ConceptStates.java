package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a concept with a state marker next to it as the state the marker names ({@code states.ttl}): "low
 * magnesium", "without enough magnesium", "magnesium levels are low" name magnesium deficiency. A marker after
 * a concept also qualifies the concepts coordinated before it ("magnesium or calcium levels may be off"). The
 * state's mention covers the marker too, so that no relation cue is read inside it ("depleted").
 */
final class ConceptStates {
    private ConceptStates() {}

    static List<Mention> apply(List<Token> tokens, List<Mention> mentions, Lexicon lex, ConceptIndex concepts) {
        List<Mention> out = new ArrayList<>(mentions);
        for (int k = 0; k < out.size(); k++) {
            Mention m = out.get(k);
            int previousEnd = k == 0 ? 0 : out.get(k - 1).to();
            for (int s = previousEnd; s < m.from(); s++) {
                PhraseIndex.Match<Lexicon.StateMarker> marker = lex.statesBefore.longestAt(tokens, s, m.from());
                if (marker == null || marker.to() != m.from()) continue;
                Concept state = concepts.stateOf(m.concept(), marker.value().nouns());
                if (state != null) out.set(k, m.as(state, marker.from(), m.to(), tokens.get(marker.from()).start(), m.end()));
                break;
            }
            m = out.get(k);
            int nextFrom = k + 1 < out.size() ? out.get(k + 1).from() : tokens.size();
            PhraseIndex.Match<Lexicon.StateMarker> marker = lex.statesAfter.longestAt(tokens, m.to(), nextFrom);
            if (marker == null) continue;
            Concept state = concepts.stateOf(m.concept(), marker.value().nouns());
            if (state == null) continue;
            out.set(k, m.as(state, m.from(), marker.to(), m.start(), tokens.get(marker.to() - 1).end()));
            for (int j = k - 1; j >= 0 && lex.onlyCoordinators(tokens, out.get(j).to(), out.get(j + 1).from()); j--) {
                Mention c = out.get(j);
                Concept coordinated = concepts.stateOf(c.concept(), marker.value().nouns());
                if (coordinated == null) break;
                out.set(j, c.as(coordinated, c.from(), c.to(), c.start(), c.end()));
            }
        }
        return out;
    }
}
