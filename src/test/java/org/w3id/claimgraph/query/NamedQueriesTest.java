package org.w3id.claimgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every named query answers with specific rows. Rows about the query fixture (documents 900 and 901,
 * concept:fx-*, reference:fx-*) are pinned exactly; the seed graph's own rows are pinned where the seeds
 * already hold them (the five documents). Aggregates are checked as the difference the fixture makes, so
 * they stay right while curated claims are added; the seed-side numbers are pinned in {@link #seedGraph()}.
 * Expected rows are written as {@code cell | cell | ...}, IRIs in prefixed form, as the table shows them.
 */
class NamedQueriesTest {

    /** The queries this class tests; the library must not hold one that is missing here. */
    static final List<String> TESTED = List.of(
            "graph-summary", "claims-per-document", "claims-per-grade", "claims-per-mineral", "claims-per-relation",
            "claims-about", "mechanism-paths", "outcome-evidence", "unsupported-claims", "documents-by-unsupported-share",
            "claims-by-evidence-type", "contradicting-claims", "references-cited", "doses-vs-upper-limit",
            "bioavailability", "concept-search", "commercial-interest-claims", "claim-evidence");

    private static final Pattern FIXTURE = Pattern.compile("claim:90[01]-|doc:90[01]_|90[01]_queryfixture|concept:fx-|reference:fx-");

    @Test
    void everyQueryOfTheLibraryIsTested() {
        TreeSet<String> library = new TreeSet<>(QueryFixture.library().all().stream().map(NamedQuery::name).toList());
        assertEquals(library, new TreeSet<>(TESTED));
        assertTrue(library.size() >= 15, "the library has at least fifteen queries");
    }

    @Test
    void seedGraph() {
        // The seed graph as it is on main: five documents. Re-pin the other totals as curation lands.
        List<List<String>> summary = seedRows("graph-summary", Map.of());
        assertEquals("5", summary.get(0).get(0), "documents");
        assertEquals(expected("""
                000_8d91ced1eef075e5 | vendor page         | How Calcium and Magnesium Boost Oxytocin for Bonding and Well-being?
                001_f2a8dd8490429c31 | health-news article | The Role of Magnesium in Mental Health: Can It Help with Depression and Anxiety?
                002_880d95a52fef6df5 | educational article | Understanding the Magnesium-Serotonin Connection
                003_497fb625f584bf77 | educational article | What Is the Relationship Between Magnesium and Calcium?
                004_2235d8500ff77c3b | clinic marketing    | Magnesium and Calcium: The Mineral Duo Your Nerves Need
                """), seedRows("claims-per-document", Map.of()).stream().map(r -> r.subList(0, 3)).toList());
        assertEquals(List.of("high", "moderate", "low", "very low"),
                seedRows("claims-per-grade", Map.of()).stream().map(r -> r.get(0)).toList());
    }

    @Test
    void graphSummary() {
        // documents, claims, quotes, evidence, concepts, references that the fixture adds
        assertEquals(List.of(2L, 11L, 11L, 13L, 7L, 4L), difference("graph-summary"));
    }

    @Test
    void claimsPerDocument() {
        assertEquals(expected("""
                900_queryfixture | vendor page         | Query fixture: FixtureMag vendor page | 6
                901_queryfixture | educational article | Query fixture: an educational page    | 5
                """), fixtureRows("claims-per-document", Map.of()));
    }

    @Test
    void claimsPerGrade() {
        assertEquals(expected("""
                high     | 1
                moderate | 1
                low      | 6
                very low | 3
                """), differenceByKey("claims-per-grade"));
    }

    @Test
    void claimsPerMineral() {
        // every fixture claim but 901-001 (a mechanism acting on an outcome) involves fixture magnesium or a form of it
        assertTrue(rows("claims-per-mineral", Map.of()).contains(List.of("fixture magnesium", "10")));
    }

    @Test
    void claimsPerRelation() {
        assertEquals(expected("""
                alleviates              | 2
                better absorbed than    | 1
                decreases               | 1
                has no effect on        | 1
                improves                | 1
                increases               | 1
                less absorbed than      | 1
                recommended at dose for | 2
                regulates               | 1
                """), differenceByKey("claims-per-relation").stream().sorted((a, b) -> a.get(0).compareTo(b.get(0))).toList());
    }

    @Test
    void claimsAboutAFormIncludeBothSidesButNotTheBroaderMineral() {
        assertEquals(expected("""
                claim:900-001 | doc:900_queryfixture | concept:fx-glycinate | cg:betterAbsorbedThan | concept:fx-oxide         | low      | false | Our fixture glycinate is absorbed far better than fixture oxide, as research shows. | false
                claim:900-002 | doc:900_queryfixture | concept:fx-glycinate | cg:alleviates         | concept:fx-anxiety       | low      | false | Fixture glycinate eases anxiety in adults. | false
                claim:900-004 | doc:900_queryfixture | concept:fx-glycinate | cg:dosedAt            | concept:fx-sleep-quality | very low | false | Take 200 to 500 mg of fixture magnesium a day as glycinate for better sleep. | false
                claim:900-005 | doc:900_queryfixture | concept:fx-glycinate | cg:improves           | concept:fx-sleep-quality | moderate | false | Fixture glycinate improves sleep quality within weeks. | false
                claim:901-002 | doc:901_queryfixture | concept:fx-oxide     | cg:lessAbsorbedThan   | concept:fx-glycinate     | low      | false | Fixture oxide is absorbed less well than fixture glycinate. | false
                claim:901-003 | doc:901_queryfixture | concept:fx-glycinate | cg:noEffectOn         | concept:fx-sleep-quality | low      | false | In a trial, fixture glycinate did not change sleep quality. | false
                """), rows("claims-about", Map.of("concept", "concept:fx-glycinate")));
    }

    @Test
    void claimsAboutAMineralIncludeItsForms() {
        assertEquals(List.of("900-001", "900-002", "900-003", "900-004", "900-005", "900-006",
                        "901-002", "901-003", "901-004", "901-005"),
                rows("claims-about", Map.of("concept", "https://w3id.org/claimgraph/id/concept/fx-magnesium"))
                        .stream().map(r -> r.get(0).substring("claim:".length())).toList());
    }

    @Test
    void mechanismPaths() {
        String path = "concept:fx-magnesium | cg:regulates | concept:fx-gaba-signalling | cg:alleviates | concept:fx-anxiety | low | claim:900-003 | claim:901-001";
        assertEquals(expected(path), rows("mechanism-paths", Map.of("mineral", "concept:fx-magnesium")));
        assertEquals(expected(path), rows("mechanism-paths", Map.of("mineral", "concept:fx-magnesium", "outcome", "concept:fx-anxiety")));
        assertEquals(List.of(), rows("mechanism-paths", Map.of("mineral", "concept:fx-magnesium", "outcome", "concept:fx-sleep-quality")));
    }

    @Test
    void outcomeEvidence() {
        // agent | best grade | claims | favourable claims | documents
        assertEquals(expected("""
                concept:fx-glycinate | moderate | 3 | 2 | 2
                """), rows("outcome-evidence", Map.of("outcome", "concept:fx-sleep-quality")));
        assertEquals(expected("""
                concept:fx-gaba-signalling | low      | 1 | 1 | 1
                concept:fx-glycinate       | low      | 1 | 1 | 1
                concept:fx-magnesium       | very low | 1 | 1 | 1
                """), rows("outcome-evidence", Map.of("outcome", "concept:fx-anxiety")));
    }

    @Test
    void unsupportedAndWeaklySupportedClaims() {
        assertEquals(expected("""
                doc:900_queryfixture | claim:900-001 | concept:fx-glycinate       | cg:betterAbsorbedThan | concept:fx-oxide         | low      | unsupported
                doc:900_queryfixture | claim:900-002 | concept:fx-glycinate       | cg:alleviates         | concept:fx-anxiety       | low      | weakly supported
                doc:900_queryfixture | claim:900-004 | concept:fx-glycinate       | cg:dosedAt            | concept:fx-sleep-quality | very low | unsupported
                doc:900_queryfixture | claim:900-006 | concept:fx-magnesium       | cg:decreases          | concept:fx-cortisol      | low      | weakly supported
                doc:901_queryfixture | claim:901-001 | concept:fx-gaba-signalling | cg:alleviates         | concept:fx-anxiety       | low      | weakly supported
                doc:901_queryfixture | claim:901-002 | concept:fx-oxide           | cg:lessAbsorbedThan   | concept:fx-glycinate     | low      | weakly supported
                doc:901_queryfixture | claim:901-003 | concept:fx-glycinate       | cg:noEffectOn         | concept:fx-sleep-quality | low      | weakly supported
                doc:901_queryfixture | claim:901-004 | concept:fx-magnesium       | cg:dosedAt            | concept:fx-anxiety       | very low | unsupported
                doc:901_queryfixture | claim:901-005 | concept:fx-magnesium       | cg:increases          | concept:fx-cortisol      | very low | unsupported
                """), fixtureRows("unsupported-claims", Map.of()));
        // 901-004 has curator evidence, but it disputes the claim: still unsupported
        assertEquals(expected("""
                doc:901_queryfixture | claim:901-004 | concept:fx-magnesium | cg:dosedAt   | concept:fx-anxiety  | very low | unsupported
                doc:901_queryfixture | claim:901-005 | concept:fx-magnesium | cg:increases | concept:fx-cortisol | very low | unsupported
                """), rows("unsupported-claims", Map.of("document", "doc:901_queryfixture", "includeWeak", "false")));
    }

    @Test
    void documentsByUnsupportedShare() {
        assertEquals(expected("""
                doc:901_queryfixture | Query fixture: an educational page    | cg:EducationalArticle | 5 | 2 | 0.4
                doc:900_queryfixture | Query fixture: FixtureMag vendor page | cg:VendorPage         | 6 | 2 | 0.333
                """), fixtureRows("documents-by-unsupported-share", Map.of()));
        assertEquals(expected("""
                doc:900_queryfixture | Query fixture: FixtureMag vendor page | cg:VendorPage | 6 | 2 | 0.333
                """), fixtureRows("documents-by-unsupported-share", Map.of("minClaims", "6")));
        // with no minimum, the seed documents without claims are listed with a share of 0
        assertTrue(rows("documents-by-unsupported-share", Map.of("minClaims", "0")).stream()
                .anyMatch(r -> r.get(0).equals("doc:002_880d95a52fef6df5")));
    }

    @Test
    void claimsByEvidenceType() {
        assertEquals(expected("""
                obo:ECO_0000180 | clinical study evidence | cg:Disputes | claim:901-004 | doc:901_queryfixture | | reference:fx-trial-2020
                obo:ECO_0000180 | clinical study evidence | cg:Supports | claim:900-002 | doc:900_queryfixture | | reference:fx-trial-2020
                obo:ECO_0000180 | clinical study evidence | cg:Supports | claim:900-006 | doc:900_queryfixture | | reference:fx-trial-2020
                obo:ECO_0000180 | clinical study evidence | cg:Supports | claim:901-002 | doc:901_queryfixture | | reference:fx-trial-2020
                """), fixtureRows("claims-by-evidence-type", Map.of("type", "obo:ECO_0000180")));
        assertEquals(expected("""
                obo:ECO_0000034 | non-traceable author statement | cg:Supports | claim:900-001 | doc:900_queryfixture | cg:VagueAppeal          |
                obo:ECO_0000034 | non-traceable author statement | cg:Supports | claim:900-002 | doc:900_queryfixture | cg:Uncited              |
                obo:ECO_0000034 | non-traceable author statement | cg:Supports | claim:900-004 | doc:900_queryfixture | cg:UntraceableCitation  | reference:fx-untraceable
                obo:ECO_0000034 | non-traceable author statement | cg:Supports | claim:901-004 | doc:901_queryfixture | cg:Uncited              |
                obo:ECO_0000034 | non-traceable author statement | cg:Supports | claim:901-005 | doc:901_queryfixture | cg:VagueAppeal          |
                """), fixtureRows("claims-by-evidence-type", Map.of("type", "obo:ECO_0000034")));
        assertEquals(expected("""
                obo:ECO_0000180 | clinical study evidence | cg:Disputes | claim:901-004 | doc:901_queryfixture | | reference:fx-trial-2020
                """), fixtureRows("claims-by-evidence-type", Map.of("direction", "cg:Disputes")));
    }

    @Test
    void contradictingClaimsReadIncompatibilityBothWays() {
        assertEquals(expected("""
                concept:fx-glycinate | concept:fx-sleep-quality | claim:900-005 | cg:improves  | moderate | claim:901-003 | cg:noEffectOn | low      | concept:fx-glycinate | concept:fx-sleep-quality | false | false | incompatible-relations | false |
                concept:fx-magnesium | concept:fx-cortisol      | claim:900-006 | cg:decreases | low      | claim:901-005 | cg:increases  | very low | concept:fx-magnesium | concept:fx-cortisol      | false | false | incompatible-relations | false |
                """), fixtureRows("contradicting-claims", Map.of()));
        assertEquals(expected("""
                concept:fx-magnesium | concept:fx-cortisol | claim:900-006 | cg:decreases | low | claim:901-005 | cg:increases | very low | concept:fx-magnesium | concept:fx-cortisol | false | false | incompatible-relations | false |
                """), rows("contradicting-claims", Map.of("concept", "concept:fx-cortisol")));
    }

    @Test
    void referencesAndTheClaimsThatCiteThem() {
        assertEquals(expected("""
                reference:fx-limits-1997 | Fixture reference intakes                             | 1997 | reference text or consensus statement | true  |               |                 |
                reference:fx-review-2019 | A fixture narrative review of fixture GABA signalling | 2019 | narrative review             | true  | claim:900-003 | obo:ECO_0000205 | cg:Supports
                reference:fx-review-2019 | A fixture narrative review of fixture GABA signalling | 2019 | narrative review             | true  | claim:901-001 | obo:ECO_0000205 | cg:Supports
                reference:fx-trial-2020  | A fixture randomized trial of fixture glycinate       | 2020 | randomized controlled trial  | true  | claim:900-002 | obo:ECO_0000180 | cg:Supports
                reference:fx-trial-2020  | A fixture randomized trial of fixture glycinate       | 2020 | randomized controlled trial  | true  | claim:900-005 | obo:ECO_0000033 | cg:Supports
                reference:fx-trial-2020  | A fixture randomized trial of fixture glycinate       | 2020 | randomized controlled trial  | true  | claim:900-006 | obo:ECO_0000180 | cg:Supports
                reference:fx-trial-2020  | A fixture randomized trial of fixture glycinate       | 2020 | randomized controlled trial  | true  | claim:901-002 | obo:ECO_0000180 | cg:Supports
                reference:fx-trial-2020  | A fixture randomized trial of fixture glycinate       | 2020 | randomized controlled trial  | true  | claim:901-003 | obo:ECO_0000033 | cg:Supports
                reference:fx-trial-2020  | A fixture randomized trial of fixture glycinate       | 2020 | randomized controlled trial  | true  | claim:901-004 | obo:ECO_0000180 | cg:Disputes
                reference:fx-untraceable | research from a sleep institute (as cited)            |      | design not recorded          | false | claim:900-004 | obo:ECO_0000034 | cg:Supports
                """), fixtureRows("references-cited", Map.of()));
        assertEquals(3, rows("references-cited", Map.of("reference", "reference:fx-untraceable")).size()
                + rows("references-cited", Map.of("reference", "reference:fx-review-2019")).size());
    }

    @Test
    void dosesAgainstTheUpperLimitForTheAge() {
        assertEquals(expected("""
                claim:900-004 | concept:fx-magnesium | 200.0 | 500.0 | cg:SupplementalIntake | 350.0 | cg:SupplementalIntake | fixture adults | true  | 1.43
                claim:901-004 | concept:fx-magnesium |       | 300.0 | cg:SupplementalIntake | 350.0 | cg:SupplementalIntake | fixture adults | false | 0.86
                """), fixtureRows("doses-vs-upper-limit", Map.of()));
        assertEquals(expected("""
                claim:900-004 | concept:fx-magnesium | 200.0 | 500.0 | cg:SupplementalIntake | 110.0 | cg:SupplementalIntake | fixture children 4-8 years | true | 4.55
                claim:901-004 | concept:fx-magnesium |       | 300.0 | cg:SupplementalIntake | 110.0 | cg:SupplementalIntake | fixture children 4-8 years | true | 2.73
                """), fixtureRows("doses-vs-upper-limit", Map.of("age", "6")));
        assertEquals(expected("""
                claim:900-004 | concept:fx-magnesium | 200.0 | 500.0 | cg:SupplementalIntake | 350.0 | cg:SupplementalIntake | fixture adults | true | 1.43
                """), fixtureRows("doses-vs-upper-limit", Map.of("exceedingOnly", "true")));
        // no limit set for that age: the doses are listed with empty limit columns
        assertEquals(expected("""
                claim:900-004 | concept:fx-magnesium | 200.0 | 500.0 | cg:SupplementalIntake | | | | |
                claim:901-004 | concept:fx-magnesium |       | 300.0 | cg:SupplementalIntake | | | | |
                """), fixtureRows("doses-vs-upper-limit", Map.of("age", "2.5")));
    }

    @Test
    void bioavailabilityComparisonsAreTurnedToReadBetterThanWorse() {
        String both = """
                concept:fx-glycinate | concept:fx-oxide | claim:900-001 | cg:betterAbsorbedThan | doc:900_queryfixture | low
                concept:fx-glycinate | concept:fx-oxide | claim:901-002 | cg:lessAbsorbedThan   | doc:901_queryfixture | low
                """;
        assertEquals(expected(both), fixtureRows("bioavailability", Map.of()));
        assertEquals(expected(both), rows("bioavailability", Map.of("form", "concept:fx-oxide")));
        assertEquals(List.of(), rows("bioavailability", Map.of("form", "concept:fx-magnesium")));
    }

    @Test
    void conceptSearchMatchesSynonymsIgnoringCase() {
        List<List<String>> found = rows("concept-search", Map.of("text", "BISGLY"));
        assertTrue(found.contains(List.of("concept:fx-glycinate", "cg:Form", "fixture glycinate", "fixture bisglycinate", "synonym")), found.toString());
        assertTrue(found.stream().allMatch(r -> r.get(3).toLowerCase().contains("bisgly")), found.toString());
        assertEquals(expected("""
                concept:fx-magnesium | cg:Mineral | fixture magnesium | FXMG | synonym
                """), rows("concept-search", Map.of("text", "fxmg")));
        assertEquals(7, fixtureRows("concept-search", Map.of("text", "fixture")).stream()
                .filter(r -> r.get(4).equals("preferred")).count());
    }

    @Test
    void claimsFromSourcesWithACommercialInterest() {
        assertEquals(expected("""
                doc:900_queryfixture | FixtureMag (test fixture) | claim:900-001 | concept:fx-glycinate | cg:betterAbsorbedThan | concept:fx-oxide           | low      | true
                doc:900_queryfixture | FixtureMag (test fixture) | claim:900-002 | concept:fx-glycinate | cg:alleviates         | concept:fx-anxiety         | low      | true
                doc:900_queryfixture | FixtureMag (test fixture) | claim:900-003 | concept:fx-magnesium | cg:regulates          | concept:fx-gaba-signalling | high     | false
                doc:900_queryfixture | FixtureMag (test fixture) | claim:900-004 | concept:fx-glycinate | cg:dosedAt            | concept:fx-sleep-quality   | very low | true
                doc:900_queryfixture | FixtureMag (test fixture) | claim:900-005 | concept:fx-glycinate | cg:improves           | concept:fx-sleep-quality   | moderate | true
                doc:900_queryfixture | FixtureMag (test fixture) | claim:900-006 | concept:fx-magnesium | cg:decreases          | concept:fx-cortisol        | low      | false
                """), fixtureRows("commercial-interest-claims", Map.of()));
        assertEquals(List.of("claim:900-001", "claim:900-002", "claim:900-004", "claim:900-005"),
                fixtureRows("commercial-interest-claims", Map.of("soldOnly", "true")).stream().map(r -> r.get(2)).toList());
    }

    @Test
    void claimEvidence() {
        assertEquals(expected("""
                concept:fx-magnesium | cg:dosedAt | concept:fx-anxiety | very low | Curator override: very low (derived: very low): Fixture: uncited, and a trial found no effect. Derivation: Very low: nothing that counts supports it (set aside: the article's own word (a non-traceable author statement)). | obo:ECO_0000034 | cg:Supports | cg:Uncited | |
                concept:fx-magnesium | cg:dosedAt | concept:fx-anxiety | very low | Curator override: very low (derived: very low): Fixture: uncited, and a trial found no effect. Derivation: Very low: nothing that counts supports it (set aside: the article's own word (a non-traceable author statement)). | obo:ECO_0000180 | cg:Disputes | | reference:fx-trial-2020 | Fixture: the trial found no effect on anxiety.
                """), rows("claim-evidence", Map.of("claim", "claim:901-004")));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    static List<List<String>> rows(String name, Map<String, String> params) {
        return QueryFixture.cells(QueryFixture.run(QueryFixture.withFixture(), name, params));
    }

    static List<List<String>> seedRows(String name, Map<String, String> params) {
        return QueryFixture.cells(QueryFixture.run(QueryFixture.seeds(), name, params));
    }

    /** The rows that mention the fixture's documents, claims, concepts or references. */
    static List<List<String>> fixtureRows(String name, Map<String, String> params) {
        return rows(name, params).stream().filter(r -> r.stream().anyMatch(c -> FIXTURE.matcher(c).find())).toList();
    }

    /** For a one-row query of counts: what the fixture adds to each column. */
    private static List<Long> difference(String name) {
        List<String> with = rows(name, Map.of()).get(0);
        List<String> without = seedRows(name, Map.of()).get(0);
        List<Long> diff = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) diff.add(Long.parseLong(with.get(i)) - Long.parseLong(without.get(i)));
        return diff;
    }

    /** For a query of (key, count) rows: what the fixture adds to each key's count, leaving out zeros. */
    private static List<List<String>> differenceByKey(String name) {
        Map<String, Long> without = new java.util.HashMap<>();
        for (List<String> r : seedRows(name, Map.of())) without.put(r.get(0), Long.parseLong(r.get(1)));
        List<List<String>> diff = new ArrayList<>();
        for (List<String> r : rows(name, Map.of())) {
            long d = Long.parseLong(r.get(1)) - without.getOrDefault(r.get(0), 0L);
            if (d != 0) diff.add(List.of(r.get(0), Long.toString(d)));
        }
        return diff;
    }

    /** Rows written one a line as {@code cell | cell | ...}; surrounding blanks are trimmed. */
    static List<List<String>> expected(String text) {
        return text.lines().filter(l -> !l.isBlank())
                .map(l -> Arrays.stream(l.split("\\|", -1)).map(String::strip).toList()).toList();
    }
}
