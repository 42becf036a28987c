package org.w3id.claimgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** A page applies on top of a query's own LIMIT and OFFSET and never reaches past them. */
class PageTest {

    private static Query query(String modifiers) {
        return QueryFactory.create("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s " + modifiers);
    }

    @Test
    void aPageOfAnUnlimitedQuery() {
        Query paged = new Page(10L, 20).applyTo(query(""));
        assertEquals(10, paged.getLimit());
        assertEquals(20, paged.getOffset());
        Query rest = new Page(null, 5).applyTo(query(""));
        assertEquals(Query.NOLIMIT, rest.getLimit());
        assertEquals(5, rest.getOffset());
    }

    @Test
    void aPageStaysWithinTheQuerysOwnLimitAndOffset() {
        Query q = query("LIMIT 30 OFFSET 100");
        Query first = new Page(10L, 0).applyTo(q);
        assertEquals(10, first.getLimit());
        assertEquals(100, first.getOffset());
        Query last = new Page(10L, 25).applyTo(q);
        assertEquals(5, last.getLimit(), "only five of the query's thirty rows are left after 25");
        assertEquals(125, last.getOffset());
        Query beyond = new Page(null, 40).applyTo(q);
        assertEquals(0, beyond.getLimit());
        assertEquals(30, q.getLimit(), "the query itself is left as it is");
        assertEquals(100, q.getOffset());
    }

    @Test
    void everyRowIsTheQueryItself() {
        Query q = query("");
        assertSame(q, Page.ALL.applyTo(q));
        assertSame(q, Page.parse(null, null).applyTo(q));
    }

    @Test
    void badValuesNameTheirParameter() {
        assertEquals("limit", assertThrows(ParameterException.class, () -> Page.parse("ten", null)).parameter());
        assertEquals("offset", assertThrows(ParameterException.class, () -> Page.parse(null, "-3")).parameter());
        assertEquals("limit", assertThrows(ParameterException.class, () -> new Page(-1L, 0)).parameter());
    }
}
