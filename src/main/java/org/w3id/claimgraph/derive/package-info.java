/**
 * Derives what the checked data imply, after the build and before anything reads the graph: each claim's
 * assertion, its grade by the GRADE rules of ontology/grading.ttl (each line of evidence started and
 * rated, the best line per assertion, claim-level factors, curator overrides), the lines a search found
 * nothing for, and the contradictions between documents (ontology/derivation.ttl). Everything it does is
 * defined in the ontology graph; it writes only the graph {@link org.w3id.claimgraph.vocab.GraphNames#DERIVED}.
 * It uses the vocabulary ({@code vocab}) and the union default graph of {@code query}; the build
 * ({@code load}), the server and the validator call it.
 */
package org.w3id.claimgraph.derive;
