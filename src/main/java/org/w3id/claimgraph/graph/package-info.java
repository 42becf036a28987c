/**
 * The one front door to the claim graph: {@link org.w3id.claimgraph.graph.GraphSource}, a dataset in this process,
 * a TDB2 directory or a SPARQL endpoint, each answering with the union of its named graphs as the default graph.
 * The only package that knows how that union is made. May use: project.
 */
@Uses({"project"})
package org.w3id.claimgraph.graph;

import org.w3id.claimgraph.project.Uses;
