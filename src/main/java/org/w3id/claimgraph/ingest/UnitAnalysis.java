package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What the lexicons find in one unit: its tokens, the concepts it names, its relation cues (after light
 * cues yielded to the cue that follows them), the hedge and negation triggers with their scopes, the
 * terminators, anaphors and directness cues.
 */
record UnitAnalysis(TextUnit unit, List<Token> tokens, List<Mention> mentions, List<Cue> cues, List<Trigger> triggers,
                    List<Integer> terminators, List<Integer> anaphors, List<Integer> directness) {

    /** A relation cue found at tokens [from, to). */
    record Cue(int from, int to, Lexicon.RelationCue cue) {}

    /** A hedge, negation or pseudo-negation trigger at tokens [from, to). */
    record Trigger(int from, int to, Lexicon.ScopedCue cue) {}

    static UnitAnalysis analyse(TextUnit unit, String text, Lexicon lex, ConceptIndex concepts, Antecedents antecedents) {
        List<Token> tokens = Tokenizer.tokenize(text, unit.start(), unit.end());
        List<Mention> mentions = antecedents.resolve(tokens, concepts.find(tokens));
        mentions = ConceptStates.apply(tokens, mentions, lex, concepts);
        mentions = yieldToLongerCues(tokens, mentions, lex);
        antecedents.remember(tokens, mentions);
        boolean[] inMention = new boolean[tokens.size()];
        for (Mention m : mentions) for (int i = m.from(); i < m.to(); i++) inMention[i] = true;

        List<Cue> cues = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (inMention[i]) {
                i++;
                continue;
            }
            int limit = i;
            while (limit < tokens.size() && !inMention[limit]) limit++;
            PhraseIndex.Match<Lexicon.RelationCue> m = lex.relations.longestAt(tokens, i, limit);
            if (m != null) {
                cues.add(new Cue(m.from(), m.to(), m.value()));
                i = m.to();
            } else {
                i++;
            }
        }
        cues = yieldLightCues(cues, mentions, tokens, lex);

        List<Trigger> triggers = new ArrayList<>();
        for (PhraseIndex.Match<Lexicon.ScopedCue> m : lex.scoped.scan(tokens)) {
            triggers.add(new Trigger(m.from(), m.to(), m.value()));
        }
        List<Integer> terminators = new ArrayList<>();
        for (PhraseIndex.Match<Boolean> m : lex.terminators.scan(tokens)) terminators.add(m.from());
        List<Integer> anaphors = new ArrayList<>();
        for (PhraseIndex.Match<Boolean> m : lex.anaphors.scan(tokens)) {
            if (!inMention[m.from()]) anaphors.add(m.from());
        }
        List<Integer> directness = new ArrayList<>();
        for (PhraseIndex.Match<Integer> m : lex.directness.scan(tokens)) directness.add(m.from());
        return new UnitAnalysis(unit, tokens, mentions, cues, triggers, terminators, anaphors, directness);
    }

    /**
     * A relation cue that takes in a whole concept label and more ("less digestive upset", "fewer side effects")
     * is read as the cue: the concept it contains is no mention.
     */
    private static List<Mention> yieldToLongerCues(List<Token> tokens, List<Mention> mentions, Lexicon lex) {
        List<Mention> kept = new ArrayList<>(mentions);
        for (int i = 0; i < tokens.size(); i++) {
            PhraseIndex.Match<Lexicon.RelationCue> cue = lex.relations.longestAt(tokens, i, tokens.size());
            if (cue == null) continue;
            List<Mention> inside = new ArrayList<>();
            boolean crosses = false;
            for (Mention m : kept) {
                if (m.from() >= cue.from() && m.to() <= cue.to()) inside.add(m);
                else if (m.from() < cue.to() && cue.from() < m.to()) crosses = true;
            }
            if (!inside.isEmpty() && !crosses && inside.stream().allMatch(m -> m.to() - m.from() < cue.to() - cue.from())) {
                kept.removeAll(inside);
                i = cue.to() - 1;
            }
        }
        return kept;
    }

    /**
     * A cue followed closely by another cue, with no concept between, yields to it: "helps reduce" reads as
     * "reduce", "supports healthy sleep" as "healthy". A light cue yields within three tokens, any cue within one,
     * unless only a coordinator or punctuation stands between ("well absorbed and less likely to cause", a table's
     * cell border) or the next cue lists instances ("calcium-rich foods include").
     */
    private static List<Cue> yieldLightCues(List<Cue> cues, List<Mention> mentions, List<Token> tokens, Lexicon lex) {
        List<Cue> kept = new ArrayList<>(cues);
        for (int k = 0; k + 1 < kept.size(); ) {
            Cue c = kept.get(k);
            Cue next = kept.get(k + 1);
            int gap = next.from() - c.to();
            boolean conceptBetween = mentions.stream().anyMatch(m -> m.from() >= c.to() && m.from() < next.from());
            boolean coordinated = gap > 0 && lex.onlyCoordinators(tokens, c.to(), next.from());
            boolean listing = lex.roleAt(tokens, next.from(), "Instance") != null;
            boolean wordsOnly = tokens.subList(c.to(), next.from()).stream().allMatch(Token::word);
            if (!conceptBetween && !coordinated && !listing && wordsOnly && (gap <= 1 || c.cue().light() && gap <= 3)) {
                // "alleviating symptoms of": an inverse noun cue right after a verb does not turn the verb around.
                kept.remove(next.cue().inverse() && !c.cue().light() ? k + 1 : k);
            } else {
                k++;
            }
        }
        return kept;
    }

    /** Whether a terminator lies in tokens [from, to). */
    boolean terminatorBetween(int from, int to) {
        for (int t : terminators) if (t >= from && t < to) return true;
        return false;
    }

    /** Whether a trigger of the kind governs the token at {@code at} (NegEx scope: direction, window, terminators). */
    boolean inScope(int at, Lexicon.ScopeKind kind) {
        for (Trigger t : triggers) {
            if (t.cue().kind() != kind) continue;
            switch (t.cue().direction()) {
                case SENTENCE -> {
                    return true;
                }
                case FORWARD -> {
                    if (t.to() <= at && at - t.to() <= t.cue().window() && !terminatorBetween(t.to(), at)) return true;
                    if (t.from() <= at && at < t.to()) return true;
                }
                case BACKWARD -> {
                    if (t.from() > at && t.from() - at <= t.cue().window() && !terminatorBetween(at + 1, t.from())) return true;
                }
            }
        }
        return false;
    }

    boolean anaphorBetween(int from, int to) {
        for (int a : anaphors) if (a >= from && a < to) return true;
        return false;
    }

    boolean directNear(Cue cue) {
        for (int d : directness) if (d >= cue.from() - 3 && d <= cue.to() + 2) return true;
        return false;
    }

    List<Mention> mentionsBetween(int from, int to) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) if (m.from() >= from && m.to() <= to) out.add(m);
        return out;
    }
}
