package org.w3id.claimgraph.ingest;

import java.util.Set;

/**
 * A concept of the project's concept graph as ingest sees it: its IRI, preferred label, the local names of
 * its types (Mineral, Form, Outcome, ...) and, for a form, the mineral it is a form of.
 */
public record Concept(String iri, String label, Set<String> types, String formOf) {
    public static final String NS = "https://w3id.org/claimgraph/id/concept/";

    boolean is(String type) {
        return types.contains(type);
    }

    boolean isOutcome() {
        return is("Outcome") && !is("Mechanism");
    }

    /** Minerals, forms, nutrients, foods, medications: what a claim's subject usually is. */
    boolean isAgent() {
        return is("Mineral") || is("Form") || is("Nutrient") || is("Food") || is("Medication");
    }

    boolean isPopulation() {
        return is("Population");
    }

    String curie() {
        return iri.startsWith(NS) ? "concept:" + iri.substring(NS.length()) : "<" + iri + ">";
    }
}
