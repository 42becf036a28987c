/**
 * The claim graph in an OpenLink Virtuoso: built and verified as {@code load} does, bulk-loaded by
 * Virtuoso's own loader ({@code ld_dir}, {@code rdf_loader_run}, run through Virtuoso's {@code isql}) into a
 * graph of its own, which becomes the SPARQL endpoint's default graph only once it is complete and counted.
 * May use: project, graph (to ask the endpoint what it serves), build (the result of a build).
 */
@Uses({"project", "graph", "build"})
package org.w3id.claimgraph.virtuoso;

import org.w3id.claimgraph.project.Uses;
