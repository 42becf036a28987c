package org.w3id.claimgraph.ingest;

/**
 * A concept named in a text: tokens [from, to) of its unit and characters [start, end) of the document;
 * {@code referring} when the words only refer back to it ("this mineral").
 */
record Mention(Concept concept, int from, int to, int start, int end, boolean referring) {
    Mention(Concept concept, int from, int to, int start, int end) {
        this(concept, from, to, start, end, false);
    }

    /** The same words read as another concept (a state of it: "low magnesium"). */
    Mention as(Concept other, int from, int to, int start, int end) {
        return new Mention(other, from, to, start, end, referring);
    }
}
