/**
 * The SPARQL server: an embedded Fuseki serving one dataset by the SPARQL 1.1 Protocol and the Graph Store Protocol,
 * safe to expose (every query on a guarded view with its own limits, admission of a bounded number of running queries,
 * 4xx for malformed requests, no outgoing requests, checked writes), with places for other servlets.
 * The derivation ({@code derive}) runs again after each checked write.
 * May use: project, graph, query (the banner counts with a named query), derive.
 */
@Uses({"project", "graph", "query", "derive"})
package org.w3id.claimgraph.server;

import org.w3id.claimgraph.project.Uses;
