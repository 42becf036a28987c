/**
 * The command line: one picocli command per verb, the shared options (where the graph is read from), and exit codes.
 * It wires the other packages together and holds no logic of theirs. May use: every other package.
 */
@Uses({"project", "graph", "build", "store", "rules", "query", "query.api", "validate", "generate", "server", "explore", "bench", "ingest", "virtuoso", "summary", "search"})
package org.w3id.claimgraph.cli;

import org.w3id.claimgraph.project.Uses;
