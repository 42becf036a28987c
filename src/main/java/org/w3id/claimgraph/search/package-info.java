/**
 * The full-text index of the graph ({@link org.w3id.claimgraph.search.TextIndexes}): Apache Lucene through
 * jena-text, so that SPARQL finds quotes, labels and synonyms with {@code text:query}, ranked. Which literals go
 * in which field is data ({@code ontology/text-index.ttl}). The index is built with the graph: in memory beside an
 * in-memory dataset, and by load inside the TDB2 database directory, so that the directory and its index are
 * replaced together. May use: project.
 */
@Uses({"project"})
package org.w3id.claimgraph.search;

import org.w3id.claimgraph.project.Uses;
