/**
 * The dataset in a TDB2 directory: the load sequence (build, bulk load, build phases, swap) in
 * {@link org.w3id.claimgraph.store.DatabaseLoad}, the marker that makes a directory a claimgraph database, the lock beside
 * it that load and serve take ({@code StoreLock}), its generations switched by one rename and the leftovers of a
 * killed load removed ({@code StoreDirectory}), opening one for serving and deleting one. May use: project, graph, build.
 */
@Uses({"project", "graph", "build"})
package org.w3id.claimgraph.store;

import org.w3id.claimgraph.project.Uses;
