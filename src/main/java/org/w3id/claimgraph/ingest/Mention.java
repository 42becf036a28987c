package org.w3id.claimgraph.ingest;

/** A concept named in a text: tokens [from, to) of its unit and characters [start, end) of the document. */
record Mention(Concept concept, int from, int to, int start, int end) {}
