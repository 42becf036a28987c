package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The offline, deterministic pipeline from a document's text to its candidate claims: units (OpenNLP
 * sentences), concepts, relation cues, hedging and negation, citations and quantities. One instance per
 * thread (the sentence detector is not thread-safe); the lexicon and concept index can be shared.
 */
public final class IngestPipeline {
    static final String ECO_NON_TRACEABLE = "http://purl.obolibrary.org/obo/ECO_0000034";
    static final String ECO_TRACEABLE = "http://purl.obolibrary.org/obo/ECO_0000033";
    static final String SUPPORTS = Lexicon.CG + "Supports";
    static final String SUPPLEMENTAL = Lexicon.CG + "SupplementalIntake";
    static final String TOTAL = Lexicon.CG + "TotalIntake";

    private final Lexicon lexicon;
    private final ConceptIndex concepts;
    private final Map<String, String> knownReferences;
    private final TextUnits units = new TextUnits();
    private final ClaimExtractor extractor;
    private final CitationFinder citations;
    private final QuantityFinder quantities;

    /** What the pipeline makes of one document. */
    public record Result(List<Candidate> candidates, List<NewReference> references, List<UnknownConcept> unknownConcepts) {}

    /**
     * @param knownReferences the identifiers of references the project already has ("cg:doi 10.1/x" style keys, see
     *                        {@link #identifierKey}) with their IRIs, so a citation of a known work reuses it
     */
    public IngestPipeline(Lexicon lexicon, ConceptIndex concepts, Map<String, String> knownReferences) {
        this.lexicon = lexicon;
        this.concepts = concepts;
        this.knownReferences = Map.copyOf(knownReferences);
        this.extractor = new ClaimExtractor(lexicon, concepts);
        this.citations = new CitationFinder(lexicon);
        this.quantities = new QuantityFinder(lexicon);
    }

    static String identifierKey(String property, String identifier) {
        return property + " " + identifier.toLowerCase(Locale.ROOT);
    }

    List<UnitAnalysis> analyse(String text) {
        List<UnitAnalysis> out = new ArrayList<>();
        Antecedents antecedents = new Antecedents(lexicon, concepts);
        for (TextUnit u : units.split(text)) out.add(UnitAnalysis.analyse(u, text, lexicon, concepts, antecedents));
        return out;
    }

    /** Runs the pipeline on a document; {@code documentNumber} is the number claim ids start with ("005"). */
    public Result run(String documentNumber, String text) {
        List<UnitAnalysis> analysed = analyse(text);
        List<Draft> drafts = extractor.extract(text, analysed);

        Map<String, NewReference> references = new LinkedHashMap<>();
        Map<UnitAnalysis, CitationFinder.Citation> unitCitations = new java.util.IdentityHashMap<>();
        CitationFinder.Citation leadInCitation = CitationFinder.Citation.NONE;
        for (UnitAnalysis u : analysed) {
            CitationFinder.Citation c = citations.find(text, u);
            if (u.unit().kind() == TextUnit.Kind.BULLET && c == CitationFinder.Citation.NONE) c = leadInCitation;
            if (u.unit().kind() != TextUnit.Kind.BULLET) leadInCitation = u.unit().leadIn(text) ? c : CitationFinder.Citation.NONE;
            unitCitations.put(u, c);
        }

        List<Candidate> candidates = new ArrayList<>();
        Map<UnitAnalysis, QuantityFinder.Found> unitQuantities = new java.util.IdentityHashMap<>();
        Map<UnitAnalysis, Candidate.Quote> unitQuotes = new java.util.IdentityHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        int seq = 0;
        for (Draft d : drafts) {
            String key = d.subject().iri() + " " + d.relation() + " " + d.object().iri() + " " + d.unit().unit().start();
            if (!seen.add(key)) continue;
            seq++;
            UnitAnalysis u = d.unit();
            CitationFinder.Citation citation = unitCitations.get(u);
            String reference = reference(documentNumber, citation, references);
            Candidate.Evidence evidence = new Candidate.Evidence(
                    reference != null && citation.kind().equals(CitationFinder.TRACEABLE) ? ECO_TRACEABLE : ECO_NON_TRACEABLE,
                    citation.kind(), SUPPORTS, reference, null);
            QuantityFinder.Found q = unitQuantities.computeIfAbsent(u, x -> quantities.find(text, x));
            List<Candidate.StatedDose> doses = new ArrayList<>();
            for (QuantityFinder.Amount a : q.doses()) {
                Concept doseOf = doseOf(u, a, d.subject());
                if (doseOf != null) {
                    doses.add(new Candidate.StatedDose(doseOf.iri(), a.min(), a.max(), a.supplemental() ? SUPPLEMENTAL : TOTAL, a.elemental()));
                }
            }
            List<String> qualifiers = new ArrayList<>(q.amountsInWords());
            candidates.add(new Candidate(
                    documentNumber + "-" + String.format(Locale.ROOT, "%03d", seq),
                    d.subject().iri(), d.relation(), d.object().iri(),
                    List.of(unitQuotes.computeIfAbsent(u, x -> QuoteHints.quote(text, x.unit().start(), x.unit().end()))),
                    d.hedged(), d.negated(), d.direct(),
                    population(u), form(u, d.subject()), route(u),
                    qualifiers, q.quantities(), doses, List.of(evidence),
                    null, null, Candidate.Status.CANDIDATE));
        }
        return new Result(candidates, List.copyOf(references.values()), unknownConcepts(text, analysed, drafts));
    }

    private String reference(String documentNumber, CitationFinder.Citation c, Map<String, NewReference> references) {
        if (c.kind().equals(CitationFinder.TRACEABLE)) {
            String known = knownReferences.get(identifierKey(c.identifierProperty(), c.identifier()));
            if (known != null) return known;
            boolean doi = c.identifierProperty().endsWith("#doi");
            String slug = (doi ? "doi-" : "pmid-") + c.identifier().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            String iri = NewReference.NS + slug;
            references.computeIfAbsent(iri, k -> new NewReference(iri,
                    "Work cited by " + (doi ? "DOI " : "PMID ") + c.identifier() + " (title not yet read)",
                    doi ? c.identifier() : null, doi ? null : c.identifier(), true,
                    c.citedAs()));
            return iri;
        }
        if (c.kind().equals(CitationFinder.UNTRACEABLE)) {
            for (NewReference r : references.values()) if (!r.traceable() && r.citedAs().equals(c.citedAs())) return r.iri();
            long untraceable = references.values().stream().filter(r -> !r.traceable()).count();
            String iri = NewReference.NS + "cited-in-" + documentNumber + "-" + (untraceable + 1);
            references.put(iri, new NewReference(iri, "Work cited as \"" + c.citedAs() + "\" (document " + documentNumber + ")",
                    null, null, false, c.citedAs()));
            return iri;
        }
        return null;
    }

    private static Concept doseOf(UnitAnalysis u, QuantityFinder.Amount a, Concept subject) {
        Concept best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Mention m : u.mentions()) {
            Concept c = m.concept();
            if (!c.is("Mineral") && !c.is("Form")) continue;
            int distance = Math.abs(m.start() - a.start());
            if (distance < bestDistance) {
                best = c;
                bestDistance = distance;
            }
        }
        if (best != null) return best;
        return subject.is("Mineral") || subject.is("Form") ? subject : null;
    }

    private static String population(UnitAnalysis u) {
        for (Mention m : u.mentions()) if (m.concept().isPopulation()) return m.concept().iri();
        return null;
    }

    /** The form the unit is about when the claim's subject is the mineral itself. */
    private static String form(UnitAnalysis u, Concept subject) {
        if (!subject.is("Mineral")) return null;
        for (Mention m : u.mentions()) {
            if (m.concept().is("Form") && subject.iri().equals(m.concept().formOf())) return m.concept().iri();
        }
        return null;
    }

    private String route(UnitAnalysis u) {
        List<PhraseIndex.Match<String>> found = lexicon.routes.scan(u.tokens());
        return found.isEmpty() ? null : found.get(0).value();
    }

    /** Sentences with a relation cue where no concept stands before or after it. */
    private List<UnknownConcept> unknownConcepts(String text, List<UnitAnalysis> analysed, List<Draft> drafts) {
        Set<UnitAnalysis> withClaims = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Draft d : drafts) withClaims.add(d.unit());
        List<UnknownConcept> out = new ArrayList<>();
        for (UnitAnalysis u : analysed) {
            if (u.cues().isEmpty() || withClaims.contains(u)) continue;
            List<String> words = candidateWords(text, u);
            if (words.isEmpty()) continue;
            UnitAnalysis.Cue cue = u.cues().get(0);
            String cueWords = text.substring(u.tokens().get(cue.from()).start(), u.tokens().get(cue.to() - 1).end());
            int lineStart = text.lastIndexOf('\n', u.unit().start() - 1) + 1;
            int column = text.codePointCount(lineStart, u.unit().start()) + 1;
            out.add(new UnknownConcept(u.unit().line(), column, u.unit().text(text), cueWords, words));
        }
        return out;
    }

    /** Runs of words that are neither function words, cues nor part of a known concept. */
    private List<String> candidateWords(String text, UnitAnalysis u) {
        boolean[] skip = new boolean[u.tokens().size()];
        for (Mention m : u.mentions()) for (int i = m.from(); i < m.to(); i++) skip[i] = true;
        for (UnitAnalysis.Cue c : u.cues()) for (int i = c.from(); i < c.to(); i++) skip[i] = true;
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < u.tokens().size()) {
            Token t = u.tokens().get(i);
            if (skip[i] || !t.word() || lexicon.isFunctionWord(t) || t.norm().length() < 3 || Character.isDigit(t.norm().charAt(0))) {
                i++;
                continue;
            }
            int j = i;
            while (j < u.tokens().size() && !skip[j] && u.tokens().get(j).word() && !lexicon.isFunctionWord(u.tokens().get(j))) j++;
            String phrase = text.substring(t.start(), u.tokens().get(j - 1).end());
            if (!words.contains(phrase)) words.add(phrase);
            i = j;
        }
        return words;
    }
}
