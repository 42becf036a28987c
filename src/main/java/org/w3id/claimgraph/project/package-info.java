/**
 * What every part of claimgraph shares: where a project's data lives ({@link org.w3id.claimgraph.project.ProjectLayout}),
 * the errors that are the user's ({@link org.w3id.claimgraph.project.InputException}, exit 2) or the data's
 * ({@link org.w3id.claimgraph.project.BuildFailure} of {@link org.w3id.claimgraph.project.BuildProblem}s, exit 1), the
 * strict reading of the project's RDF files, where a thing is written in them, the standard prefixes, the vocabulary
 * the code itself writes (CG, OA, GraphNames), atomic files and checksums. Uses no other claimgraph package.
 */
@Uses({})
package org.w3id.claimgraph.project;
