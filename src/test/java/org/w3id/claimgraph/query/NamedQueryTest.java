package org.w3id.claimgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.project.InputException;

/** The query header format, parameter types, and binding values as RDF terms rather than text. */
class NamedQueryTest {

    private static final String PROLOGUE = "PREFIX cg: <https://w3id.org/claimgraph/ontology#>\n";

    @TempDir
    Path dir;

    private NamedQuery write(String name, String text) throws IOException {
        Path file = dir.resolve(name + ".rq");
        Files.writeString(file, text);
        return NamedQuery.read(file);
    }

    private NamedQuery sample() throws IOException {
        return write("sample", """
                # title: A sample
                # description: First line,
                # description: second line.
                # param: thing iri - The thing
                # param: label string ? A label (optional)
                # param: most integer 10 How many
                # param: share decimal 0.5 A share
                # param: strict boolean false Be strict
                """ + PROLOGUE + """
                SELECT ?thing ?label WHERE {
                  ?thing cg:label ?label ; cg:count ?n ; cg:share ?s .
                  FILTER (?n <= ?most && ?s >= ?share && (!?strict || COALESCE(?label != "", false)))
                }
                """);
    }

    @Test
    void headerGivesTitleDescriptionAndTypedParameters() throws IOException {
        NamedQuery q = sample();
        assertEquals("sample", q.name());
        assertEquals("A sample", q.title());
        assertEquals("First line, second line.", q.description());
        assertEquals(List.of(
                new NamedQuery.Param("thing", ParamType.IRI, true, null, "The thing", null),
                new NamedQuery.Param("label", ParamType.STRING, false, null, "A label (optional)", null),
                new NamedQuery.Param("most", ParamType.INTEGER, false, "10", "How many", null),
                new NamedQuery.Param("share", ParamType.DECIMAL, false, "0.5", "A share", null),
                new NamedQuery.Param("strict", ParamType.BOOLEAN, false, "false", "Be strict", null)), q.params());
        assertEquals(List.of("thing:iri", "[label:string]", "[most:integer=10]", "[share:decimal=0.5]", "[strict:boolean=false]"),
                q.params().stream().map(NamedQuery.Param::synopsis).toList());
        assertEquals(List.of("thing", "label"), q.columns());
    }

    @Test
    void valuesBecomeTermsOfTheirType() throws IOException {
        Map<Var, Node> args = sample().arguments(Map.of("thing", "cg:Claim", "most", "+007", "share", "1", "strict", "TRUE"));
        assertEquals(NodeFactory.createURI("https://w3id.org/claimgraph/ontology#Claim"), args.get(Var.alloc("thing")));
        assertEquals("7", args.get(Var.alloc("most")).getLiteralLexicalForm());
        assertEquals("http://www.w3.org/2001/XMLSchema#integer", args.get(Var.alloc("most")).getLiteralDatatypeURI());
        assertEquals("1", args.get(Var.alloc("share")).getLiteralLexicalForm());
        assertEquals("http://www.w3.org/2001/XMLSchema#decimal", args.get(Var.alloc("share")).getLiteralDatatypeURI());
        assertEquals("true", args.get(Var.alloc("strict")).getLiteralLexicalForm());
        assertFalse(args.containsKey(Var.alloc("label")), "an optional parameter without a default stays unbound");
    }

    @Test
    void anIriMayBeFullBracketedOrPrefixed() throws IOException {
        NamedQuery q = sample();
        Node expected = NodeFactory.createURI("https://w3id.org/claimgraph/id/concept/magnesium");
        for (String form : List.of("concept:magnesium", "https://w3id.org/claimgraph/id/concept/magnesium",
                "<https://w3id.org/claimgraph/id/concept/magnesium>")) {
            assertEquals(expected, q.arguments(Map.of("thing", form)).get(Var.alloc("thing")), form);
        }
    }

    @Test
    void aMissingUnknownOrIllTypedParameterIsAnErrorNamingIt() throws IOException {
        NamedQuery q = sample();
        ParameterException missing = assertThrows(ParameterException.class, () -> q.bind(Map.of()));
        assertEquals("thing", missing.parameter());
        assertTrue(missing.getMessage().contains("missing parameter 'thing'"), missing.getMessage());

        ParameterException unknown = assertThrows(ParameterException.class, () -> q.bind(Map.of("thing", "cg:x", "colour", "red")));
        assertEquals("colour", unknown.parameter());
        assertTrue(unknown.getMessage().contains("unknown parameter 'colour'"), unknown.getMessage());

        Map<String, String> bad = Map.of("most", "ten", "share", "1e3", "strict", "yes", "thing", "nope:x");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Map<String, String> values = new java.util.HashMap<>(Map.of("thing", "cg:Claim"));
            values.put(e.getKey(), e.getValue());
            ParameterException ex = assertThrows(ParameterException.class, () -> q.bind(values), e.toString());
            assertEquals(e.getKey(), ex.parameter());
            assertTrue(ex.getMessage().contains("'" + e.getValue() + "'"), ex.getMessage());
        }
        for (String notIri : List.of("magnesium", "https://example.org/a b", "concept:mag nesium", "<https://x.org/>\"")) {
            assertThrows(ParameterException.class, () -> q.bind(Map.of("thing", notIri)), notIri);
        }
    }

    @Test
    void aValueIsBoundAsATermAndCannotChangeTheQuery() throws IOException {
        NamedQuery q = sample();
        String hostile = "x\" } ; DROP ALL ; SELECT * WHERE { ?s ?p \"";
        Query bound = q.bind(Map.of("thing", "cg:Claim", "label", hostile));
        String text = bound.toString();
        // The value is one string literal; the serialized query (what an endpoint receives) parses back to the same query.
        assertEquals(bound, QueryFactory.create(text));
        assertTrue(text.contains("\"x\\\" } ; DROP ALL ; SELECT * WHERE { ?s ?p \\\"\""), text);
        assertTrue(text.contains("(cg:Claim AS ?thing)"), text);
        assertEquals(List.of("thing", "label"), bound.getResultVars(), "bound variables keep their columns");
    }

    @Test
    void badHeadersAreRefusedNamingTheFileAndLine() throws IOException {
        String body = PROLOGUE + "SELECT ?x WHERE { ?x cg:p ?y }\n";
        InputException type = assertThrows(InputException.class, () -> write("t1", "# title: t\n# param: x colour - no\n" + body));
        assertTrue(type.getMessage().contains("t1.rq:2") && type.getMessage().contains("unknown parameter type 'colour'"), type.getMessage());
        InputException unused = assertThrows(InputException.class, () -> write("t2", "# param: z iri - not in the query\n" + body));
        assertTrue(unused.getMessage().contains("t2.rq:1") && unused.getMessage().contains("'z' is not a variable"), unused.getMessage());
        InputException def = assertThrows(InputException.class, () -> write("t3", "# param: y integer many bad default\n" + body));
        assertTrue(def.getMessage().contains("the default of 'y'"), def.getMessage());
        InputException twice = assertThrows(InputException.class, () -> write("t4", "# param: y iri ? a\n# param: y iri ? b\n" + body));
        assertTrue(twice.getMessage().contains("declared twice"), twice.getMessage());
        InputException reserved = assertThrows(InputException.class, () -> write("t7",
                "# param: limit integer 10 how many\n" + PROLOGUE + "SELECT ?x WHERE { ?x cg:p ?limit }\n"));
        assertTrue(reserved.getMessage().contains("t7.rq:1") && reserved.getMessage().contains("reserved for paging"), reserved.getMessage());
        InputException bound = assertThrows(InputException.class, () -> write("t6",
                "# param: y string ? a\n" + PROLOGUE + "SELECT ?x WHERE { ?x cg:p ?z FILTER (!BOUND(?y) || ?z = ?y) }\n"));
        assertTrue(bound.getMessage().contains("t6.rq") && bound.getMessage().contains("use COALESCE rather than BOUND"), bound.getMessage());
        InputException syntax = assertThrows(InputException.class, () -> write("t5", "# title: broken\nSELECT ?x WHERE { ?x \n"));
        assertTrue(syntax.getMessage().contains("t5.rq:"), syntax.getMessage());
    }

    @Test
    void everyQueryOfTheLibraryHasATitleADescriptionAndParsesWithItsDefaults() {
        for (NamedQuery q : QueryFixture.library().all()) {
            assertFalse(q.title().equals(q.name()) || q.description().isBlank(), q.name() + " lacks a title or description");
            assertTrue(q.parse().isSelectType(), q.name());
            assertFalse(q.text().contains("GRAPH "), q.name() + " must not depend on named graphs");
        }
    }

    /**
     * Issue 16: a query that lists rows without sorting them (an export) sends its first row at once and keeps
     * sending, however many rows there are. DISTINCT would stop that: ARQ's DISTINCT streams only until its spill
     * threshold (100,000 rows in the server) and then reads every remaining row before it sends the next, so at a
     * million claims the exports stopped after exactly 100,000 rows.
     */
    @Test
    void everyUnsortedListOfTheLibraryStreamsWithoutDistinct() {
        List<String> unsortedLists = new ArrayList<>();
        for (NamedQuery q : QueryFixture.library().all()) {
            Query query = q.parse();
            if (query.hasOrderBy() || query.hasAggregators() || query.hasGroupBy()) continue;
            unsortedLists.add(q.name());
            assertFalse(query.isDistinct(), q.name() + " lists its rows unsorted, as an export, so must not be DISTINCT");
        }
        assertTrue(unsortedLists.containsAll(List.of("claims-by-evidence-type", "references-cited")), unsortedLists.toString());
    }
}
