package org.w3id.claimgraph.ingest;

/**
 * A claim found in one unit, before it gets its id, quote hints and evidence: subject, relation and object,
 * the cue that stated it and how (hedged, negated, direct).
 */
record Draft(UnitAnalysis unit, Concept subject, String relation, Concept object, UnitAnalysis.Cue cue,
             boolean hedged, boolean negated, boolean direct) {}
