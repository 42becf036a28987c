package org.w3id.claimgraph.ingest;

/**
 * One token of a text: its characters [start, end) in the document and its normal form (lower case,
 * apostrophes dropped, a plural ending removed), which is what lexicons and concept labels match on.
 */
record Token(String norm, int start, int end, boolean word) {}
