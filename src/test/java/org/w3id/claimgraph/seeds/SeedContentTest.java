package org.w3id.claimgraph.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.QueryFixture;

/**
 * Guards the curated content of seeds/: an accidental deletion, a quote that no longer anchors, a
 * concept without a label or an external id nobody verified fails the build.
 */
class SeedContentTest {
    /** Claims per document. Change these only together with the curation that changes them. */
    static final Map<String, Integer> CLAIMS_PER_DOCUMENT = Map.of(
            "000_8d91ced1eef075e5", 114,
            "001_f2a8dd8490429c31", 163,
            "002_880d95a52fef6df5", 92,
            "003_497fb625f584bf77", 49,
            "004_2235d8500ff77c3b", 70);

    static Dataset seeds;

    @BeforeAll
    static void build() {
        seeds = DatasetFactory.wrap(GraphSource.unionView(QueryFixture.seeds()));
    }

    static List<QuerySolution> select(String body) {
        String query = """
                PREFIX cg: <https://w3id.org/claimgraph/ontology#>
                PREFIX oa: <http://www.w3.org/ns/oa#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                """ + body;
        try (QueryExecution qe = QueryExecution.dataset(seeds).query(query).build()) {
            List<QuerySolution> rows = new ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    @Test
    void claimCountsPerDocumentArePinned() {
        Map<String, Integer> actual = new TreeMap<>();
        for (QuerySolution row : select("""
                SELECT ?id (COUNT(?c) AS ?n) WHERE {
                  ?d a cg:SourceDocument ; dcterms:identifier ?id .
                  OPTIONAL { ?c a cg:Claim ; cg:statedIn ?d }
                } GROUP BY ?id""")) {
            actual.put(row.getLiteral("id").getString(), row.getLiteral("n").getInt());
        }
        assertEquals(new TreeMap<>(CLAIMS_PER_DOCUMENT), actual);
    }

    @Test
    void everyQuoteReadsBackFromItsDocumentText() {
        List<QuerySolution> quotes = select("""
                SELECT ?claim ?text ?exact ?prefix ?suffix ?start ?end WHERE {
                  ?claim a cg:Claim ; cg:quote ?q .
                  ?q oa:hasSource ?doc ; oa:hasSelector ?tq , ?tp .
                  ?doc cg:text ?text .
                  ?tq a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
                  ?tp a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
                }""");
        assertTrue(quotes.size() >= CLAIMS_PER_DOCUMENT.values().stream().mapToInt(Integer::intValue).sum());
        for (QuerySolution row : quotes) {
            String text = row.getLiteral("text").getString();
            int start = text.offsetByCodePoints(0, row.getLiteral("start").getInt());
            int end = text.offsetByCodePoints(0, row.getLiteral("end").getInt());
            String claim = row.getResource("claim").getURI();
            assertEquals(row.getLiteral("exact").getString(), text.substring(start, end), claim);
            assertTrue(text.substring(0, start).endsWith(row.getLiteral("prefix").getString()), claim);
            assertTrue(text.substring(end).startsWith(row.getLiteral("suffix").getString()), claim);
        }
    }

    @Test
    void oneAssertionHasOneGradeWhereverItIsMade() {
        List<QuerySolution> split = select("""
                SELECT ?assertion WHERE {
                  ?a cg:assertion ?assertion ; cg:grade ?g1 .
                  ?b cg:assertion ?assertion ; cg:grade ?g2 .
                  FILTER (?g1 != ?g2)
                } GROUP BY ?assertion""");
        assertEquals(List.of(), split.stream().map(r -> r.getResource("assertion").getURI()).toList());
        assertEquals(List.of(), select("""
                SELECT ?claim WHERE {
                  ?claim a cg:Claim ; cg:derivedGrade ?g ; cg:gradeDerivation/cg:derivedGrade ?d .
                  FILTER (?g != ?d)
                }""").stream().map(r -> r.getResource("claim").getURI()).toList(), "the derived grade is its derivation's");
    }

    @Test
    void everyClaimHasGradeRationaleEvidenceAndHedging() {
        List<QuerySolution> incomplete = select("""
                SELECT ?claim WHERE {
                  ?claim a cg:Claim .
                  FILTER (NOT EXISTS { ?claim cg:grade/cg:rank ?r }
                       || NOT EXISTS { ?claim cg:gradeRationale ?why FILTER (STRLEN(?why) >= 20) }
                       || NOT EXISTS { ?claim cg:evidence/cg:direction ?d }
                       || NOT EXISTS { ?claim cg:hedged ?h })
                }""");
        assertEquals(List.of(), incomplete.stream().map(r -> r.getResource("claim").getURI()).toList());
    }

    @Test
    void everyConceptAClaimUsesHasALabelAndADefinition() {
        List<QuerySolution> unlabeled = select("""
                SELECT DISTINCT ?concept WHERE {
                  { ?c a cg:Claim ; cg:subject|cg:object ?concept } UNION { ?concept a/rdfs:subClassOf cg:Concept }
                  FILTER (NOT EXISTS { ?concept skos:prefLabel ?l } || NOT EXISTS { ?concept skos:definition ?d })
                }""");
        assertEquals(List.of(), unlabeled.stream().map(r -> r.getResource("concept").getURI()).toList());
    }

    @Test
    void everyDoiIsWellFormedAndEveryIdentifierWasVerified() throws Exception {
        // The verification records under seeds/reference: the evidence notes, what curators verified beyond them
        // (curator-notes.md), the reference library's dossiers (library-*.md) and the identifier table (identifiers.md).
        StringBuilder records = new StringBuilder();
        try (Stream<Path> files = Files.list(ProjectLayout.locate().seedsDir().resolve("reference"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                records.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        String notes = records.toString();
        for (QuerySolution row : select("SELECT ?ref ?doi WHERE { ?ref a cg:Reference ; cg:doi ?doi }")) {
            String doi = row.getLiteral("doi").getString();
            assertTrue(doi.matches("^10\\.\\d{4,9}/[-._;()/:A-Za-z0-9]+$"), "malformed DOI " + doi);
            assertTrue(notes.contains(doi), "DOI " + doi + " is not in the verified evidence notes");
        }
        for (QuerySolution row : select("SELECT ?pmid WHERE { ?ref a cg:Reference ; cg:pmid ?pmid }")) {
            assertTrue(notes.contains(row.getLiteral("pmid").getString()), "PMID " + row.getLiteral("pmid") + " is not verified");
        }
        for (QuerySolution row : select("SELECT ?id WHERE { ?c skos:exactMatch|skos:closeMatch|skos:relatedMatch|skos:broadMatch|skos:narrowMatch ?id . ?c a/rdfs:subClassOf* cg:Concept }")) {
            String iri = row.getResource("id").getURI();
            String code = iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':')) + 1).replace('_', ':');
            assertTrue(notes.contains(code), "external id " + iri + " is not in the verified evidence notes");
        }
    }
}
