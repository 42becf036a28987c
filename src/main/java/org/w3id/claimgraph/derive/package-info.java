/**
 * Derives what the checked data imply, after the build and before anything reads the graph: each claim's
 * assertion, its grade by the GRADE rules of ontology/grading.ttl (each line of evidence started and
 * rated, the best line per assertion, claim-level factors, curator overrides), the lines a search found
 * nothing for, and the contradictions between documents (ontology/derivation.ttl). Everything it does is
 * defined in the ontology graph; it writes only the graph {@link org.w3id.claimgraph.project.GraphNames#DERIVED}.
 * It queries through {@code graph} (GraphSource: the union of the named graphs): on a TDB2 database that holds no
 * findings or summaries yet (a load's fresh directory) the database itself, writing each step's result into it in one
 * write transaction; anywhere else an in-memory copy of what it reads, whose derived graph it writes back in one step.
 * The build runs it as a build phase, the server after each checked write. May use: project, graph.
 */
@Uses({"project", "graph"})
package org.w3id.claimgraph.derive;

import org.w3id.claimgraph.project.Uses;
