/**
 * The claim graph in an OpenLink Virtuoso: built and verified as {@code load} does, bulk-loaded by
 * Virtuoso's own loader ({@code ld_dir}, {@code rdf_loader_run}, run through Virtuoso's {@code isql}) into a
 * graph of its own, which becomes the SPARQL endpoint's default graph only once it is complete and counted.
 */
package org.w3id.claimgraph.virtuoso;
