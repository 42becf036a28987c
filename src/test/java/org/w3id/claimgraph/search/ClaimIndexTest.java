package org.w3id.claimgraph.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.store.DatabaseLoad;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.query.QueryFixture;

/**
 * The claim index answers what the explorer's SPARQL answers (queries/explorer/facets.rq), on the seed graph in
 * memory and on a loaded TDB2 database: the claims that pass the filters and the search, in the order asked for,
 * and each facet's counts among the claims that pass the other filters.
 */
class ClaimIndexTest {
    private static final String PREFIXES = """
            PREFIX cg:   <https://w3id.org/claimgraph/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX oa:   <http://www.w3.org/ns/oa#>
            """;

    private static ProjectLayout layout;
    private static DatasetGraph seed;
    private static Map<String, String> sections;

    @BeforeAll
    static void build() {
        layout = ProjectLayout.locate();
        seed = QueryFixture.seeds();
        sections = ClaimIndex.facetSections(layout);
    }

    private static List<String> column(DatasetGraph dsg, String query, String var) {
        return Txn.calculateRead(dsg, () -> {
            List<String> out = new ArrayList<>();
            try (QueryExec exec = QueryExec.graph(dsg.getUnionGraph()).query(PREFIXES + query).build()) {
                exec.select().forEachRemaining(b -> {
                    Node n = b.get(var);
                    out.add(n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
                });
            }
            return out;
        });
    }

    /** The counts per value of one facet, among the claims that pass {@code filter} (SPARQL, the long way). */
    private static Map<String, Integer> counts(DatasetGraph dsg, String facet, String filter) {
        Map<String, Integer> out = new TreeMap<>();
        Txn.executeRead(dsg, () -> {
            String q = PREFIXES + "SELECT ?value (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?claim a cg:Claim . " + filter
                    + sections.get(facet) + " } GROUP BY ?value";
            try (QueryExec exec = QueryExec.graph(dsg.getUnionGraph()).query(q).build()) {
                exec.select().forEachRemaining(b -> {
                    Node v = b.get("value");
                    out.put(v.isURI() ? v.getURI() : v.getLiteralLexicalForm(), ((Number) b.get("n").getLiteralValue()).intValue());
                });
            }
        });
        return out;
    }

    private static ClaimIndex index(DatasetGraph dsg) {
        ClaimIndex index = ClaimIndex.of(dsg);
        assertNotNull(index, "the build attached a claim index");
        return index;
    }

    @Test
    void everyFacetOfTheExplorerIsIndexed() {
        assertEquals(List.of("mineral", "form", "mechanism", "outcome", "relation", "grade", "document", "evidence", "flag"),
                index(seed).facetNames());
    }

    @Test
    void unfilteredTheIndexHasEveryClaimInEachOrderAndEachFacetsCounts() {
        assertSameAnswers(seed);
    }

    /**
     * A facet lists at most so many values (a million claims have tens of thousands of documents): those with the
     * most claims, each with its count, the value filtered by among them whatever its count, and how many values
     * there are. Here at most 3 of each facet of the seeds.
     */
    @Test
    void aFacetListsItsValuesWithTheMostClaimsAndSaysHowManyThereAre() {
        ClaimIndex index = index(seed);
        ClaimIndex.Page all = index.page(Map.of(), null, ClaimIndex.Order.ID, 0, 1, 3);
        for (String facet : index.facetNames()) {
            Map<String, Integer> expected = counts(seed, facet, "");
            Map<String, Integer> listed = all.facets().get(facet);
            assertEquals(expected.size(), all.values().get(facet), facet + ": how many values");
            assertEquals(Math.min(3, expected.size()), listed.size(), facet);
            int fewest = listed.values().stream().min(Integer::compare).orElse(0);
            listed.forEach((value, n) -> assertEquals(expected.get(value), n, facet + " " + value));
            expected.forEach((value, n) -> assertTrue(listed.containsKey(value) || n <= fewest, facet + ": " + value + " has "
                    + n + " claims, more than a listed value"));
        }
        assertTrue(counts(seed, "relation", "").size() > 3, "the seeds have more relations than are listed");
        // The relation with the fewest claims, filtered by, is listed with its count.
        Map.Entry<String, Integer> rarest = counts(seed, "relation", "").entrySet().stream()
                .min(Map.Entry.comparingByValue()).orElseThrow();
        ClaimIndex.Page filtered = index.page(Map.of("relation", rarest.getKey()), null, ClaimIndex.Order.ID, 0, 1, 3);
        assertEquals(rarest.getValue(), filtered.facets().get("relation").get(rarest.getKey()));
        assertEquals(4, filtered.facets().get("relation").size(), "the three with the most claims, and the one filtered by");
        assertEquals(rarest.getValue().longValue(), filtered.total());
    }

    @Test
    void filtersCountTheOtherFacetsAndEachFacetIgnoresItsOwnFilter() {
        ClaimIndex index = index(seed);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("flag", "unsupported");
        filters.put("mineral", "https://w3id.org/claimgraph/id/concept/magnesium");
        ClaimIndex.Page page = index.page(filters, null, ClaimIndex.Order.ID, 0, 1000);
        String both = "?claim cg:supportStatus \"unsupported\" ; cg:aboutMineral <https://w3id.org/claimgraph/id/concept/magnesium> . ";
        List<String> expected = column(seed, "SELECT DISTINCT ?claim WHERE { ?claim a cg:Claim . " + both + "} ORDER BY ?claim", "claim");
        assertTrue(expected.size() > 0, "the seeds have unsupported claims about magnesium");
        assertEquals(expected.size(), page.total());
        assertEquals(expected, page.claims());
        assertEquals(counts(seed, "grade", both), new TreeMap<>(page.facets().get("grade")));
        assertEquals(counts(seed, "flag", "?claim cg:aboutMineral <https://w3id.org/claimgraph/id/concept/magnesium> . "),
                new TreeMap<>(page.facets().get("flag")));
        assertEquals(counts(seed, "mineral", "?claim cg:supportStatus \"unsupported\" . "), new TreeMap<>(page.facets().get("mineral")));
    }

    @Test
    void aSearchFindsTheClaimsWithEveryWordInTheirQuoteOrLabels() {
        ClaimIndex.Page page = index(seed).page(Map.of(), "magnesium sleep", ClaimIndex.Order.ID, 0, 1000);
        List<String> expected = column(seed, """
                SELECT DISTINCT ?claim WHERE {
                  ?claim a cg:Claim .
                  { SELECT ?claim (GROUP_CONCAT(LCASE(?t); separator=" ") AS ?all) WHERE {
                      ?claim a cg:Claim .
                      { ?claim cg:quote/oa:hasSelector/oa:exact ?t }
                      UNION { { ?claim cg:subject ?n } UNION { ?claim cg:object ?n } UNION { ?claim cg:relation ?n }
                              ?n skos:prefLabel|skos:altLabel ?t }
                    } GROUP BY ?claim }
                  FILTER (REGEX(?all, "\\\\bmagnesium\\\\b") && REGEX(?all, "\\\\bsleep\\\\b"))
                } ORDER BY ?claim""", "claim");
        assertTrue(expected.size() > 0, "some seed claims are about magnesium and sleep");
        assertEquals(expected, page.claims());
        assertEquals(expected.size(), page.total());
    }

    @Test
    void aLoadedDatabaseHasTheSameIndexInItsDirectory(@TempDir Path dir) {
        Path db = dir.resolve("db");
        DatabaseLoad.of(layout).into(db);
        DatasetGraph tdb = TdbStore.open(db);
        try {
            assertSameAnswers(tdb);
        } finally {
            TdbStore.close(tdb);
        }
    }

    @Test
    void afterAWriteTheIndexesAreBuiltAgainInTheDatabaseAndKeptThere(@TempDir Path dir) {
        Path db = dir.resolve("db");
        DatabaseLoad.of(layout).into(db);
        DatasetGraph tdb = TdbStore.open(db);
        Node gone = NodeFactory.createURI("https://w3id.org/claimgraph/id/claim/002-001");
        long before;
        try {
            before = index(tdb).page(Map.of(), null, ClaimIndex.Order.ID, 0, 1).total();
            assertTrue(textHits(tdb, gone) > 0, "the full-text index finds the claim's quote by its words");
            // A write that takes one claim out (every statement about it, in every graph), then what follows it.
            Txn.executeWrite(tdb, () -> tdb.stream().filter(q -> q.getSubject().equals(gone)).toList().forEach(tdb::delete));
            TextIndexes.rebuild(tdb, layout);
            assertEquals(before - 1, index(tdb).page(Map.of(), null, ClaimIndex.Order.ID, 0, 1).total());
            assertSameAnswers(tdb);
            // The full-text index was emptied and filled again: another claim's quote is still found by its words.
            assertTrue(textHits(tdb, NodeFactory.createURI("https://w3id.org/claimgraph/id/claim/002-002")) > 0,
                    "the full-text index built again finds another claim's quote by its words");
        } finally {
            TdbStore.close(tdb);
        }
        DatasetGraph reopened = TdbStore.open(db);
        try {
            assertEquals(before - 1, index(reopened).page(Map.of(), null, ClaimIndex.Order.ID, 0, 1).total());
            assertSameAnswers(reopened);
        } finally {
            TdbStore.close(reopened);
        }
    }

    /** How many of the claim's quote selectors the full-text index finds by words of its first quote (text:query, SPARQL). */
    private static int textHits(DatasetGraph dsg, Node claim) {
        String exact = column(dsg, "SELECT ?t WHERE { <" + claim.getURI() + "> cg:quote/oa:hasSelector/oa:exact ?t } LIMIT 1", "t").get(0);
        String words = String.join(" AND ", java.util.Arrays.stream(exact.toLowerCase().split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 3).limit(4).toList());
        return column(dsg, "PREFIX text: <http://jena.apache.org/text#> SELECT DISTINCT ?s WHERE { ?s text:query (oa:exact \"" + words
                + "\") . <" + claim.getURI() + "> cg:quote/oa:hasSelector ?s }", "s").size();
    }

    private static void assertSameAnswers(DatasetGraph dsg) {
        ClaimIndex index = index(dsg);
        String base = "SELECT ?claim WHERE { ?claim a cg:Claim ; cg:gradeRank ?rank ; cg:statedIn ?document ; cg:subject/skos:prefLabel ?s } ";
        Map<ClaimIndex.Order, String> orders = Map.of(
                ClaimIndex.Order.ID, "ORDER BY ?claim",
                ClaimIndex.Order.GRADE_DESC, "ORDER BY DESC(?rank) ?claim",
                ClaimIndex.Order.GRADE_ASC, "ORDER BY ?rank ?claim",
                ClaimIndex.Order.DOCUMENT, "ORDER BY ?document ?claim",
                ClaimIndex.Order.SUBJECT, "ORDER BY ?s ?claim");
        long claims = column(dsg, "SELECT ?claim WHERE { ?claim a cg:Claim }", "claim").size();
        orders.forEach((order, sparql) -> {
            ClaimIndex.Page page = index.page(Map.of(), null, order, 50, 50);
            assertEquals(claims, page.total());
            assertEquals(column(dsg, base + sparql + " LIMIT 50 OFFSET 50", "claim"), page.claims(), order.name());
        });
        ClaimIndex.Page all = index.page(Map.of(), null, ClaimIndex.Order.ID, 0, 1);
        for (String facet : index.facetNames()) {
            assertEquals(counts(dsg, facet, ""), new TreeMap<>(all.facets().get(facet)), facet);
        }
    }
}
