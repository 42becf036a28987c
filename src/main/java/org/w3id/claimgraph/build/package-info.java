/**
 * Builds the curated project (ontology, concepts, references, documents and their claims) into the verified
 * dataset, one document at a time, into any RIOT sink: an in-memory dataset or an N-Quads file
 * ({@link org.w3id.claimgraph.build.GraphBuild}); build phases ({@link org.w3id.claimgraph.build.BuildPhase}) then add
 * what is derived: the derivation ({@code derive}) first, then the stored findings and summaries of package summary and
 * the text index of package search. May use: project, graph, derive, summary, search.
 */
@Uses({"project", "graph", "derive", "summary", "search"})
package org.w3id.claimgraph.build;

import org.w3id.claimgraph.project.Uses;
