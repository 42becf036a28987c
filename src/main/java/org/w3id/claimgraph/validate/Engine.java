package org.w3id.claimgraph.validate;

/** Which engine runs the rules. */
public enum Engine {
    /** Jena SHACL over a local graph: each rule once per claim, as the shapes define it. */
    SHACL,
    /** One SPARQL query per rule over all claims: for large stores and for endpoints. */
    SPARQL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
