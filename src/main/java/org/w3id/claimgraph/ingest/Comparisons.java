package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What a form is compared with when a comparative cue ("better absorbed", "gentler on the stomach") relates it:
 * the forms named after the cue, the form after a comparator marker ("unlike magnesium oxide"), or the default
 * comparator of its mineral (comparisons.ttl).
 */
final class Comparisons {
    private final Lexicon lex;
    private final ConceptIndex concepts;

    Comparisons(Lexicon lex, ConceptIndex concepts) {
        this.lex = lex;
        this.concepts = concepts;
    }

    /**
     * What a form is compared with: the forms named among the cue's objects; else the form right after a
     * comparator marker ("unlike magnesium oxide"); else the default comparator of its mineral. A subject that
     * is no form ("calcium can affect the absorption of antidepressants") keeps the concepts after the cue.
     */
    List<Concept> comparedWith(UnitAnalysis u, Concept subject, List<Mention> objects) {
        if (!subject.is("Form")) return ClaimExtractor.concepts(objects);
        List<Concept> forms = new ArrayList<>();
        for (Mention m : objects) if (m.concept().is("Form") && !m.concept().equals(subject) && !forms.contains(m.concept())) forms.add(m.concept());
        if (!forms.isEmpty()) return forms;
        for (int i = 0; i < u.tokens().size(); i++) {
            PhraseIndex.Match<String> marker = lex.roleAt(u.tokens(), i, "ComparatorMarker");
            if (marker == null) continue;
            for (Mention m : u.mentions()) {
                if (m.from() >= marker.to() && m.from() <= marker.to() + 2 && m.concept().is("Form") && !m.concept().equals(subject)) return List.of(m.concept());
            }
        }
        String comparator = subject.formOf() == null ? null : lex.defaultComparators.get(subject.formOf());
        Concept c = comparator == null ? null : concepts.get(comparator);
        return c == null || c.equals(subject) ? List.of() : List.of(c);
    }
}
