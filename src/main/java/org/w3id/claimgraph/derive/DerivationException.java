package org.w3id.claimgraph.derive;

/**
 * A definition in the ontology graph the derivation cannot use (a condition that does not parse or returns
 * the wrong variables), or data it cannot derive from (two different curator grades for one assertion).
 * The message names the resource or the claims.
 */
public final class DerivationException extends RuntimeException {
    private final String node;

    public DerivationException(String message) {
        this(message, (String) null);
    }

    /** A problem with the data, at {@code node} (a claim's IRI). */
    public DerivationException(String message, String node) {
        super(message);
        this.node = node;
    }

    /** The IRI of the claim the problem is at, or null for a problem with a definition. */
    public String node() {
        return node;
    }

    public DerivationException(String message, Throwable cause) {
        super(message, cause);
        this.node = null;
    }
}
