package org.w3id.claimgraph.query;

import java.util.Set;

import org.apache.jena.query.Query;

/**
 * A page of a query's rows: at most {@code limit} rows (null: all of them) after skipping the first
 * {@code offset}. It applies on top of the query's own LIMIT and OFFSET, so a page never reaches past them.
 * A large result is read page by page with a growing offset; the named queries sort their rows, down to the
 * claim where they list claims, so successive pages follow on from each other. The unsorted exports
 * (claims-by-evidence-type, references-cited) come in the order the store finds them, the same each time on the
 * same database, so their pages follow on from each other there; a page of one costs the rows before it, not a sort.
 */
public record Page(Long limit, long offset) {
    /** The parameter names a page is given by, on a URL: no named query may declare them. */
    public static final Set<String> PARAMETERS = Set.of("limit", "offset");

    /** Every row. */
    public static final Page ALL = new Page(null, 0);

    public Page {
        if (limit != null && limit < 0) throw new ParameterException("limit", "limit must be 0 or more, not " + limit);
        if (offset < 0) throw new ParameterException("offset", "offset must be 0 or more, not " + offset);
    }

    /** A page from the text of its two parameters, either of which may be null (absent). */
    public static Page parse(String limit, String offset) {
        return new Page(limit == null ? null : number("limit", limit), offset == null ? 0 : number("offset", offset));
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(name, name + " must be a whole number, not '" + text + "'");
        }
    }

    public boolean isAll() {
        return limit == null && offset == 0;
    }

    /** The query restricted to this page; the query itself is left as it is. */
    public Query applyTo(Query query) {
        if (isAll()) return query;
        Query paged = query.cloneQuery();
        long ownOffset = query.hasOffset() ? query.getOffset() : 0;
        long start = ownOffset + offset;
        Long rows = limit;
        if (query.hasLimit()) {
            long left = Math.max(0, query.getLimit() - offset);
            rows = rows == null ? left : Math.min(rows, left);
        }
        paged.setOffset(start > 0 ? start : Query.NOLIMIT);
        paged.setLimit(rows == null ? Query.NOLIMIT : rows);
        return paged;
    }
}
