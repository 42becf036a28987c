/**
 * Validation: runs the rules over a {@link org.w3id.claimgraph.graph.GraphSource} with Jena SHACL or one SPARQL query a
 * rule, places each {@link org.w3id.claimgraph.validate.Finding} in its document, and writes reports (text, JSON, SHACL
 * Turtle) and one claim's explanation. May use: project, graph, rules, query (its lookups are query files).
 */
@Uses({"project", "graph", "rules", "query"})
package org.w3id.claimgraph.validate;

import org.w3id.claimgraph.project.Uses;
