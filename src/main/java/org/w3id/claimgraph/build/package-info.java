/**
 * Builds the curated project (ontology, concepts, references, documents and their claims) into the verified
 * dataset, one document at a time, into any RIOT sink: an in-memory dataset or an N-Quads file
 * ({@link org.w3id.claimgraph.build.GraphBuild}); build phases ({@link org.w3id.claimgraph.build.BuildPhase}) then add
 * what is derived: the derivation ({@code derive}) is the standard one. May use: project, graph, derive.
 */
@Uses({"project", "graph", "derive"})
package org.w3id.claimgraph.build;

import org.w3id.claimgraph.project.Uses;
