/**
 * The benchmark: generates, builds, loads, validates and queries corpora of growing size, each figure beside its
 * physical baseline, times the explorer's pages in a real browser against {@code serve --tdb} run as a process of its
 * own, and writes BENCHMARKS.md. May use: project, graph, build, store, rules, query, server, generate.
 */
@Uses({"project", "graph", "build", "store", "rules", "query", "server", "generate", "virtuoso"})
package org.w3id.claimgraph.bench;

import org.w3id.claimgraph.project.Uses;
