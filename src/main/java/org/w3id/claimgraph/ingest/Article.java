package org.w3id.claimgraph.ingest;

/** An article as read: the document text (for HTML, the extracted main text), its format and the page title, if any. */
public record Article(String text, String format, String pageTitle) {}
