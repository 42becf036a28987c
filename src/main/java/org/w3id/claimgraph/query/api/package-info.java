/**
 * The named queries over HTTP: the REST API at /api/queries and its OpenAPI description, answered from a
 * {@link org.w3id.claimgraph.graph.GraphSource}. May use: project, graph, query.
 */
@Uses({"project", "graph", "query"})
package org.w3id.claimgraph.query.api;

import org.w3id.claimgraph.project.Uses;
