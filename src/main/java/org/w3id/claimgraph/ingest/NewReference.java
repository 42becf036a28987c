package org.w3id.claimgraph.ingest;

/**
 * A reference node that ingest adds to seeds/references.ttl for a citation it found: traceable (a DOI or
 * PMID, not yet read by a curator) or untraceable (a named journal or institution without a work).
 */
public record NewReference(String iri, String title, String doi, String pmid, boolean traceable, String citedAs) {
    public static final String NS = "https://w3id.org/claimgraph/id/reference/";
}
