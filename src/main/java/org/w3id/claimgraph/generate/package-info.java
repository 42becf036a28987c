/**
 * Writes a deterministic synthetic corpus in the curation format of seeds/, as a project home of any size.
 * May use: project.
 */
@Uses({"project"})
package org.w3id.claimgraph.generate;

import org.w3id.claimgraph.project.Uses;
