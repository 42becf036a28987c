/**
 * Named queries: the SPARQL files of queries/ with their headers, their parameters bound as RDF terms, paging, and
 * the result formats. May use: project, rules (a query may read a rule's judgement).
 */
@Uses({"project", "rules"})
package org.w3id.claimgraph.query;

import org.w3id.claimgraph.project.Uses;
