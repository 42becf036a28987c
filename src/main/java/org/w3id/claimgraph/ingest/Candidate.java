package org.w3id.claimgraph.ingest;

import java.math.BigDecimal;
import java.util.List;

/**
 * One claim in the terms of the compact claim format (content model v2): what it says (subject, relation,
 * object, negated, direct), where (its quotes), how (hedged, qualifiers, quantities, stated doses), what
 * backs it (evidence lines), a curator's grade override with its reason (null for a candidate: grades are
 * derived by the build) and its review status. Ingest makes candidates; a review that accepts or
 * corrects them produces the same record, which {@link CompactClaimWriter} writes either way.
 */
public record Candidate(
        String id,
        String subject,
        String relation,
        String object,
        List<Quote> quotes,
        boolean hedged,
        boolean negated,
        boolean direct,
        String population,
        String form,
        String route,
        List<String> qualifiers,
        List<Quantity> quantities,
        List<StatedDose> doses,
        List<Evidence> evidence,
        String curatorGrade,
        String overrideReason,
        Status status) {

    public Candidate {
        quotes = List.copyOf(quotes);
        qualifiers = List.copyOf(qualifiers);
        quantities = List.copyOf(quantities);
        doses = List.copyOf(doses);
        evidence = List.copyOf(evidence);
    }

    /** The review status (cg:ClaimStatusScheme); an accepted claim is written without one, as curated claims are. */
    public enum Status {
        CANDIDATE("Candidate"), ACCEPTED("Accepted"), REJECTED("Rejected");

        final String localName;

        Status(String localName) {
            this.localName = localName;
        }

        public String iri() {
            return Lexicon.CG + localName;
        }
    }

    /**
     * The exact words in the document, characters [start, end), with the words just before or after that
     * make them unique when they occur more than once (null when they occur once).
     */
    public record Quote(String exact, String prefixHint, String suffixHint, int start, int end) {}

    /** A quantity the claim states, in the model's typed values. */
    public sealed interface Quantity permits FoldChange, Ratio, TimeToEffect {}

    /** "5-10 times": cg:FoldChange with cg:minValue and cg:maxValue. */
    public record FoldChange(BigDecimal min, BigDecimal max) implements Quantity {}

    /** "2:1 (calcium to magnesium)": cg:Ratio; the concepts are null when the text does not say. */
    public record Ratio(String numeratorConcept, String denominatorConcept, BigDecimal numerator, BigDecimal denominator)
            implements Quantity {}

    /** "within an hour": cg:TimeToEffect with a QUDT unit. */
    public record TimeToEffect(BigDecimal min, BigDecimal max, String unit) implements Quantity {}

    /** A dose in mg per day (cg:statedDose). */
    public record StatedDose(String doseOf, BigDecimal min, BigDecimal max, String intakeScope, boolean elemental) {}

    /** One evidence line: an ECO class, a citation kind (author statements), a direction, a reference, a note. */
    public record Evidence(String ecoClass, String citationKind, String direction, String reference, String note) {}
}
