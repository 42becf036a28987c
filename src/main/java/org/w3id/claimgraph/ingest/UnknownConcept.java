package org.w3id.claimgraph.ingest;

import java.util.List;

/**
 * A sentence with a relation cue whose subject or objects name no known concept: where it is (1-based line
 * and column), its words, the cue, and the words that might name a new concept for the vocabulary.
 */
public record UnknownConcept(int line, int column, String sentence, String cue, List<String> words) {
    public String format(String file) {
        return file + ":" + line + ":" + column + ": cue \"" + cue + "\" but no known concept for "
                + String.join(", ", words.stream().map(w -> "\"" + w + "\"").toList()) + ": " + sentence;
    }
}
