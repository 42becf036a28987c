/**
 * The benchmark: generates, builds, loads, validates and queries corpora of growing size, each figure beside its
 * physical baseline, and writes BENCHMARKS.md. May use: project, graph, build, store, rules, query, server, generate.
 */
@Uses({"project", "graph", "build", "store", "rules", "query", "server", "generate", "virtuoso"})
package org.w3id.claimgraph.bench;

import org.w3id.claimgraph.project.Uses;
