package org.w3id.claimgraph.server;

/**
 * The bounds a request to the server lives within, besides its timeout: they keep one request from taking
 * a share of memory or CPU that the timeout cannot take back. Each is checked before the work it bounds
 * is done, and a request past one gets a 4xx that names it (or, at run time, the value is an error and
 * stays unbound, as SPARQL does with any failing expression).
 */
public final class QueryLimits {
    /** Characters of query text (SPARQL query or update); far below the body cap, so parsing stays short. */
    public static final int MAX_QUERY_CHARS = 64 * 1024;
    /** Brackets ({, (, [) open at once in a query: the parser and the algebra recurse once per level. */
    public static final int MAX_NESTING = 64;
    /** The largest count in a path repetition, {@code p{n}} or {@code p{n,m}}. */
    public static final int MAX_PATH_REPEAT = 10;
    /** Characters in a string an expression builds (CONCAT, REPLACE, sprintf, GROUP_CONCAT, ...). */
    public static final int MAX_STRING = 1_000_000;
    /** The widest field or precision a format string (sprintf) may ask for. */
    public static final int MAX_FORMAT_WIDTH = 1_000;
    /** Quads one write (SPARQL Update or Graph Store request) may add and remove together. */
    public static final int MAX_WRITE_QUADS = 100_000;

    private QueryLimits() {}
}
