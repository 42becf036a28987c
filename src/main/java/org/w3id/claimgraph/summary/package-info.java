/**
 * What is computed once from the built graph so that readers at scale do not compute it again for every request
 * ({@link org.w3id.claimgraph.summary.Summaries}): the validation report, every rule's findings stored as a SHACL
 * {@code sh:ValidationReport} in the graph {@code id/graph/findings}, and the per-claim summaries, facet totals and
 * statistics that the CONSTRUCT queries of {@code queries/summaries/} (the totals: {@code totals/}) make in
 * {@code id/graph/summaries}. The build runs them as phases, in memory and on every freshly loaded TDB2 directory. May use: project, graph,
 * rules, query, validate.
 */
@Uses({"project", "graph", "rules", "query", "validate"})
package org.w3id.claimgraph.summary;

import org.w3id.claimgraph.project.Uses;
