/**
 * The explorer: the pages at /, every graph IRI at /id/ by content negotiation, and each claim's findings at
 * /api/findings, mounted on a {@link org.w3id.claimgraph.server.ClaimServer}; its queries are in the project's
 * queries/explorer/. May use: project, graph, rules, validate, query, query.api (its JSON answers), server.
 */
@Uses({"project", "graph", "rules", "validate", "query", "query.api", "server"})
package org.w3id.claimgraph.explore;

import org.w3id.claimgraph.project.Uses;
