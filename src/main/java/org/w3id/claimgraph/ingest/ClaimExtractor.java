package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the claims of a document unit by unit. In a unit, each relation cue relates the concept before it
 * (its subject: the nearest one, with those coordinated with it, preferring a mineral, form or nutrient)
 * to the concepts after it up to the next cue (its objects); a passive ("is reduced by") or an inverse cue
 * ("is found in") turns them around. The words around the cue can say otherwise ({@link ClauseReader}): a
 * relative pronoun ("both of which"), "by" before the cue, a noun cue after its object, a phrase that opens
 * the sentence, instances listed after an unnamed noun; a chaining cue goes on from the cause before as well.
 * A cue with no concept before it, or only an anaphor ("it"), takes the current topic: the last subject
 * named, the concept a sentence opens with, or the concept of the heading above. A list item under a lead-in
 * that ends with a colon takes the lead-in's subject, relation, hedging and negation unless it states its
 * own. Comparisons find their comparator ({@link Comparisons}); tables are read row by row
 * ({@link TableRows}). Hedging and negation come from the NegEx-style scopes of the unit.
 */
final class ClaimExtractor {
    private static final String ASSOCIATED = Lexicon.CG + "associatedWith";
    private final Lexicon lex;
    private final TableRows tables;
    private final ClauseReader clause;
    private final Comparisons comparisons;

    ClaimExtractor(Lexicon lex, ConceptIndex concepts) {
        this.lex = lex;
        this.tables = new TableRows(lex);
        this.clause = new ClauseReader(lex);
        this.comparisons = new Comparisons(lex, concepts);
    }

    /** The state carried from unit to unit. */
    private static final class Discourse {
        List<Concept> topic = List.of();
        LeadIn leadIn;
    }

    /** What a lead-in hands to the list items below it. */
    private record LeadIn(List<Concept> subjects, UnitAnalysis.Cue cue, boolean hedged, boolean negated) {}

    List<Draft> extract(String text, List<UnitAnalysis> units) {
        List<Draft> drafts = new ArrayList<>();
        Discourse d = new Discourse();
        for (int index = 0; index < units.size(); index++) {
            UnitAnalysis u = units.get(index);
            TextUnit unit = u.unit();
            if (TableRows.isRow(u)) {
                int end = index;
                while (end < units.size() && TableRows.isRow(units.get(end))) end++;
                drafts.addAll(tables.read(units.subList(index, end)));
                d.leadIn = null;
                index = end - 1;
                continue;
            }
            boolean bullet = unit.kind() == TextUnit.Kind.BULLET;
            if (!bullet && unit.kind() != TextUnit.Kind.SENTENCE) d.leadIn = null;
            if (unit.kind() == TextUnit.Kind.SENTENCE && d.leadIn != null && !sameLineAsBullet(units, index)) d.leadIn = null;

            List<Draft> found = bullet && d.leadIn != null && !hasOwnSubject(u) ? listItem(u, d.leadIn) : sentence(u, d.topic, drafts);
            drafts.addAll(found);

            if (unit.kind() == TextUnit.Kind.HEADING) {
                Concept first = firstAgentOrAny(u.mentions());
                if (first != null) d.topic = List.of(first);
            } else if (!bullet) {
                List<Concept> named = explicitSubjects(u, found);
                if (!named.isEmpty()) d.topic = named;
                else if (!u.mentions().isEmpty() && u.mentions().get(0).from() <= 2 && !u.mentions().get(0).referring()
                        && (u.mentions().get(0).concept().isAgent() || u.mentions().stream().noneMatch(m -> m.concept().isAgent()))) {
                    // The concept a sentence opens with is what "it" and "this" refer to next ("Stress ... It depletes"),
                    // unless an agent is named after it; with any others the same words name.
                    Mention first = u.mentions().get(0);
                    d.topic = u.mentions().stream().filter(m -> m.from() == first.from()).map(Mention::concept).distinct().toList();
                }
            }
            if (unit.leadIn(text)) d.leadIn = leadIn(u, found, d.topic);
        }
        return drafts;
    }

    /** Sentences after a list item on the same line belong to the list item. */
    private static boolean sameLineAsBullet(List<UnitAnalysis> units, int i) {
        return i > 0 && units.get(i - 1).unit().line() == units.get(i).unit().line() && units.get(i - 1).unit().kind() == TextUnit.Kind.BULLET;
    }

    /**
     * Whether a list item names its own subject before its first cue. A change stated of what comes before the
     * cue, with nothing after it ("Trust and empathy increase", "Your overall mood improves"), names what changes:
     * the lead-in's subject changes it.
     */
    private static boolean hasOwnSubject(UnitAnalysis u) {
        if (u.cues().isEmpty()) return false;
        UnitAnalysis.Cue first = u.cues().get(0);
        List<Mention> before = u.mentionsBetween(0, first.from());
        if (before.isEmpty() || u.anaphorBetween(0, first.from())) return false;
        boolean nothingAfter = u.mentionsBetween(first.to(), u.tokens().size()).isEmpty();
        return !(nothingAfter && !first.cue().symmetric() && before.stream().noneMatch(m -> m.concept().isAgent()));
    }

    private List<Draft> listItem(UnitAnalysis u, LeadIn leadIn) {
        List<Draft> out = new ArrayList<>();
        UnitAnalysis.Cue cue = u.cues().isEmpty() ? leadIn.cue() : u.cues().get(0);
        boolean hedged = leadIn.hedged() || (!u.cues().isEmpty() && u.inScope(cue.from(), Lexicon.ScopeKind.HEDGE));
        boolean negated = u.cues().isEmpty() ? leadIn.negated() : u.inScope(cue.from(), Lexicon.ScopeKind.NEGATION);
        boolean direct = !u.cues().isEmpty() && u.directNear(cue);
        for (Concept subject : leadIn.subjects()) {
            List<Concept> objects = cue != null && cue.cue().comparative() ? comparisons.comparedWith(u, subject, u.mentions()) : concepts(u.mentions());
            for (Concept object : objects) {
                if (object.iri().equals(subject.iri())) continue;
                String relation = cue == null ? ASSOCIATED : cue.cue().relationFor(object);
                if (cue != null && cue.cue().inverse()) {
                    out.add(new Draft(u, object, relation, subject, cue, hedged, negated, direct));
                } else {
                    out.add(new Draft(u, subject, relation, object, cue, hedged, negated, direct));
                }
            }
        }
        return out;
    }

    private List<Draft> sentence(UnitAnalysis u, List<Concept> topic, List<Draft> before) {
        List<Draft> out = new ArrayList<>();
        List<UnitAnalysis.Cue> cues = u.cues();
        List<Concept> previousSubjects = List.of();
        int consumed = -1;
        int frontedEnd = clause.frontedPhraseEnd(u);
        List<Concept> fronted = frontedEnd < 0 ? List.of() : clause.agentsAfter(u, frontedEnd);
        for (int k = 0; k < cues.size(); k++) {
            UnitAnalysis.Cue cue = cues.get(k);
            if (k == consumed) continue;
            int leftFrom = k == 0 ? 0 : cues.get(k - 1).to();
            int rightTo = k + 1 < cues.size() ? cues.get(k + 1).from() : u.tokens().size();
            if (!fronted.isEmpty() && cue.to() <= frontedEnd) {
                // "For emotional health, magnesium glycinate ...", "By promoting relaxation, magnesium glycinate ...": the
                // phrase that opens the sentence is said of the agent right after its comma.
                List<Mention> objects = u.mentionsBetween(cue.to(), Math.min(rightTo, frontedEnd));
                boolean hedged = u.inScope(cue.from(), Lexicon.ScopeKind.HEDGE);
                boolean negated = u.inScope(cue.from(), Lexicon.ScopeKind.NEGATION);
                for (Concept subject : fronted) {
                    for (Concept object : concepts(objects)) {
                        if (!object.equals(subject)) {
                            out.add(new Draft(u, subject, cue.cue().relationFor(object), object, cue, hedged, negated, u.directNear(cue)));
                        }
                    }
                }
                previousSubjects = fronted;
                continue;
            }
            if (k + 1 < cues.size() && lex.roleAt(u.tokens(), cues.get(k + 1).from(), "Instance") != null) {
                // The instance marker ("include", "such as") after this cue lists what fills its empty side.
                consumed = k + 1;
                rightTo = k + 2 < cues.size() ? cues.get(k + 2).from() : u.tokens().size();
            }
            List<Mention> left = u.mentionsBetween(leftFrom, cue.from());
            int instance = clause.instanceMarker(u, cue.to(), rightTo);
            List<Mention> right = u.mentionsBetween(cue.to(), instance < 0 ? rightTo : instance);
            List<Mention> items = instance < 0 ? List.of() : u.mentionsBetween(instance, rightTo);

            List<Concept> subjects;
            List<Mention> objects = new ArrayList<>();
            boolean passive = clause.passive(u, cue);
            if (passive && !right.isEmpty()) {
                // "can be affected by medications, alcohol and gastrointestinal conditions": every agent named after "by".
                subjects = concepts(right);
                objects.addAll(k == 0 ? left : u.mentionsBetween(0, cue.from()));
            } else if (left.isEmpty() && !u.anaphorBetween(0, cue.from()) && !items.isEmpty() && !right.isEmpty() && k == 0) {
                // "foods rich in magnesium include leafy greens, nuts": the instances fill the empty side.
                subjects = concepts(items);
                objects.addAll(right);
            } else if (clause.relativeAfterUnnamed(u, cue) && !items.isEmpty() && !right.isEmpty()) {
                // "factors that deplete magnesium, such as stress and alcohol": the instances fill the unnamed side.
                subjects = concepts(items);
                objects.addAll(right);
            } else {
                List<Mention> acted = clause.postnominalObjects(u, cue, left);
                List<Concept> head = clause.relativeHead(u, cue);
                if (!acted.isEmpty()) {
                    // "acts as a natural NMDA receptor antagonist", "anxiety reduction": the concept before is the object.
                    List<Mention> rest = new ArrayList<>(left);
                    rest.removeAll(acted);
                    subjects = k > 0 && !previousSubjects.isEmpty() ? previousSubjects : subjects(u, k, rest, previousSubjects, topic);
                    right = acted;
                } else if (!head.isEmpty()) {
                    // "serotonin and dopamine, both of which are essential": the concepts the pronoun stands for.
                    Set<Concept> chain = new LinkedHashSet<>(head);
                    if (cue.cue().chains()) {
                        // "A raises B, which leads to C": A leads to C as well.
                        if (!previousSubjects.isEmpty()) chain.addAll(previousSubjects);
                        else for (Mention m : left) if (!head.contains(m.concept())) chain.add(m.concept());
                    }
                    subjects = List.copyOf(chain);
                } else if (k > 0 && !previousSubjects.isEmpty() && lex.roleAt(u.tokens(), Math.max(0, cue.from() - 1), "Agent") != null
                        && cue.from() > 0) {
                    // "regulates the HPA axis by controlling cortisol": the means keeps the subject.
                    subjects = previousSubjects;
                } else {
                    subjects = subjects(u, k, left, previousSubjects, topic);
                }
                objects.addAll(right);
                objects.addAll(items);
            }
            if (subjects.isEmpty()) continue;
            subjects = withAgentsReferredThrough(u, cue, subjects, before);
            previousSubjects = subjects;
            boolean hedged = u.inScope(cue.from(), Lexicon.ScopeKind.HEDGE);
            boolean negated = u.inScope(cue.from(), Lexicon.ScopeKind.NEGATION);
            boolean direct = u.directNear(cue);
            // "... complement each other", "... are correlated, with ...": what follows is no object of the cue.
            boolean reciprocal = cue.to() >= u.tokens().size() || !u.tokens().get(cue.to()).word()
                    || lex.roleAt(u.tokens(), cue.to(), "Reciprocal") != null;
            if ((objects.isEmpty() || reciprocal) && cue.cue().symmetric() && subjects.size() > 1) {
                // "magnesium and antidepressants work together", "... complement each other": the concepts listed are
                // related to each other, a mineral or form as subject, else the first named.
                List<Concept> named = inTextOrder(u, subjects);
                for (int i = 1; i < named.size(); i++) {
                    out.add(new Draft(u, named.get(0), cue.cue().relation(), named.get(i), cue, hedged, negated, direct));
                }
                continue;
            }
            for (Concept subject : subjects) {
                for (Concept object : cue.cue().comparative() ? comparisons.comparedWith(u, subject, objects) : concepts(objects)) {
                    if (object.iri().equals(subject.iri())) continue;
                    String relation = cue.cue().relationFor(object);
                    if (cue.cue().inverse() && !passive) {
                        out.add(new Draft(u, object, relation, subject, cue, hedged, negated, direct));
                    } else {
                        out.add(new Draft(u, subject, relation, object, cue, hedged, negated, direct));
                    }
                }
            }
        }
        return out;
    }

    /**
     * A subject that words before the cue only refer back to ("these reactions") and that is no agent takes along
     * the agent an earlier claim gave it ("magnesium is a cofactor in 300 reactions. These reactions are
     * fundamental to ATP synthesis": magnesium too).
     */
    private static List<Concept> withAgentsReferredThrough(UnitAnalysis u, UnitAnalysis.Cue cue, List<Concept> subjects, List<Draft> before) {
        Set<Concept> out = new LinkedHashSet<>(subjects);
        for (Concept s : subjects) {
            if (s.isAgent() || u.mentionsBetween(0, cue.from()).stream().noneMatch(m -> m.referring() && m.concept().equals(s))) continue;
            for (int i = before.size() - 1; i >= 0; i--) {
                Draft d = before.get(i);
                if (d.object().equals(s) && d.subject().isAgent()) {
                    out.add(d.subject());
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /** The concepts with the minerals and their forms (what the graph is about) first, each in the order the unit names them. */
    private static List<Concept> inTextOrder(UnitAnalysis u, List<Concept> concepts) {
        List<Concept> out = new ArrayList<>(concepts);
        out.sort(java.util.Comparator.comparingInt((Concept c) -> c.is("Mineral") || c.is("Form") ? 0 : 1)
                .thenComparingInt(c -> u.mentions().stream().filter(m -> m.concept().equals(c))
                        .mapToInt(Mention::from).findFirst().orElse(Integer.MAX_VALUE)));
        return out;
    }

    static List<Concept> concepts(List<Mention> mentions) {
        List<Concept> out = new ArrayList<>();
        for (Mention m : mentions) if (!out.contains(m.concept()) && !m.concept().isPopulation()) out.add(m.concept());
        return out;
    }

    private List<Concept> subjects(UnitAnalysis u, int k, List<Mention> left, List<Concept> previous, List<Concept> topic) {
        UnitAnalysis.Cue cue = u.cues().get(k);
        if (k > 0 && !previous.isEmpty()) {
            // "reduces cortisol and supports sleep": a coordinated verb keeps the subject; "..., which causes" chains.
            int lastEnd = left.isEmpty() ? u.cues().get(k - 1).to() : left.get(left.size() - 1).to();
            boolean coordinated = false;
            boolean commaOnly = true;
            for (int i = lastEnd; i < cue.from(); i++) {
                PhraseIndex.Match<String> c = lex.roleAt(u.tokens(), i, "Coordinator");
                if (c != null) coordinated = true;
                if (!u.tokens().get(i).norm().equals(",")) commaOnly = false;
            }
            // "..., contributing to anxiety": a participle after a comma goes on from the last concept named.
            // So does one coordinated with a participle before it ("increasing cortisol and exacerbating anxiety").
            boolean ing = u.tokens().get(cue.from()).norm().endsWith("ing");
            boolean participle = ing && (commaOnly || coordinated && u.tokens().get(u.cues().get(k - 1).from()).norm().endsWith("ing"));
            if (participle && !left.isEmpty()) {
                Set<Concept> both = new LinkedHashSet<>(previous);
                both.add(left.get(left.size() - 1).concept());
                return List.copyOf(both);
            }
            if (cue.cue().chains() && !left.isEmpty()) {
                // A chaining cue ("... and may further contribute to") goes on from the subject and from the concepts before it.
                Set<Concept> both = new LinkedHashSet<>(previous);
                both.addAll(ownSubjects(u, cue, left, topic));
                return List.copyOf(both);
            }
            if (left.isEmpty() || coordinated && !u.terminatorBetween(lastEnd, cue.from())) return previous;
        }
        return ownSubjects(u, cue, left, topic);
    }

    /** The subject a cue has in the words before it: the nearest concept (an agent before it if it is none), with those coordinated. */
    private List<Concept> ownSubjects(UnitAnalysis u, UnitAnalysis.Cue cue, List<Mention> left, List<Concept> topic) {
        if (left.isEmpty()) return topic;
        Mention nearest = left.get(left.size() - 1);
        Mention chosen = nearest;
        if (u.anaphorBetween(nearest.to(), cue.from())) {
            // "Magnesium ..., and it helps": the sentence's own agent before the topic of the text.
            for (Mention m : left) if (m.concept().isAgent()) return List.of(m.concept());
            if (!topic.isEmpty()) return topic;
        }
        if (!nearest.concept().isAgent()) {
            for (int i = left.size() - 1; i >= 0; i--) {
                if (left.get(i).concept().isAgent()) {
                    chosen = left.get(i);
                    break;
                }
            }
        }
        Set<Concept> subjects = new LinkedHashSet<>();
        subjects.add(chosen.concept());
        int idx = left.indexOf(chosen);
        for (int i = idx - 1; i >= 0; i--) {
            if (!clause.onlyCoordinators(u, left.get(i).to(), left.get(i + 1).from())) break;
            subjects.add(left.get(i).concept());
        }
        for (int i = idx + 1; i < left.size(); i++) {
            if (!clause.onlyCoordinators(u, left.get(i - 1).to(), left.get(i).from())) break;
            subjects.add(left.get(i).concept());
        }
        return List.copyOf(subjects);
    }

    private LeadIn leadIn(UnitAnalysis u, List<Draft> found, List<Concept> topic) {
        UnitAnalysis.Cue cue = u.cues().isEmpty() ? null : u.cues().get(u.cues().size() - 1);
        List<Concept> subjects = new ArrayList<>();
        for (Draft d : found) if (d.cue() == cue && !subjects.contains(d.subject())) subjects.add(d.subject());
        if (subjects.isEmpty() && cue != null) subjects.addAll(subjects(u, u.cues().size() - 1,
                u.mentionsBetween(0, cue.from()), List.of(), topic));
        if (subjects.isEmpty()) {
            Concept first = firstAgentOrAny(u.mentions());
            subjects.addAll(first != null ? List.of(first) : topic);
        }
        boolean hedged = cue != null ? u.inScope(cue.from(), Lexicon.ScopeKind.HEDGE) : u.triggers().stream()
                .anyMatch(t -> t.cue().kind() == Lexicon.ScopeKind.HEDGE);
        boolean negated = cue != null && u.inScope(cue.from(), Lexicon.ScopeKind.NEGATION);
        return new LeadIn(List.copyOf(subjects), cue, hedged, negated);
    }

    private static List<Concept> explicitSubjects(UnitAnalysis u, List<Draft> found) {
        List<Concept> out = new ArrayList<>();
        for (Draft d : found) {
            boolean named = u.mentions().stream().anyMatch(m -> m.concept().equals(d.subject()));
            if (named && d.subject().isAgent() && !out.contains(d.subject())) out.add(d.subject());
        }
        return out;
    }

    private static Concept firstAgentOrAny(List<Mention> mentions) {
        for (Mention m : mentions) if (m.concept().isAgent()) return m.concept();
        return mentions.isEmpty() ? null : mentions.get(0).concept();
    }
}
