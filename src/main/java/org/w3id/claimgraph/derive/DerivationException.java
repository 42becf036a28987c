package org.w3id.claimgraph.derive;

/**
 * A definition in the ontology graph the derivation cannot use (a condition that does not parse or returns
 * the wrong variables), or data it cannot derive from (two different curator grades for one assertion).
 * The message names the resource or the claims.
 */
public final class DerivationException extends RuntimeException {
    public DerivationException(String message) {
        super(message);
    }

    public DerivationException(String message, Throwable cause) {
        super(message, cause);
    }
}
