package org.w3id.claimgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.query.api.QueryApiServlet;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.project.Prefixes;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * Every named query on the curated seed graph (five documents, 488 claims), with the rows the curated
 * Turtle of seeds/claims/ says a correct query must return. The fixture tests ({@link NamedQueryCasesTest})
 * show what each query does on purpose-made data; these pin what it answers on the real data.
 * <p>
 * Expected rows are written one a line as {@code cell | cell | ...} over the columns named in the call,
 * IRIs in prefixed form, as {@code ./claimgraph query NAME} prints them. When curation changes a seed,
 * re-pin from {@code ./claimgraph query NAME -p ...} after checking the new rows against the Turtle.
 */
class SeedQueriesTest {

    @Test
    void everyQueryOfTheLibraryHasASeedTest() {
        // the queries tested below; a new query needs a seed test too
        List<String> tested = List.of(
                "graph-summary", "claims-per-document", "claims-per-grade", "claims-per-mineral", "claims-per-relation",
                "claims-about", "mechanism-paths", "outcome-evidence", "unsupported-claims", "documents-by-unsupported-share",
                "claims-by-evidence-type", "contradicting-claims", "references-cited", "doses-vs-upper-limit",
                "bioavailability", "concept-search", "commercial-interest-claims", "claim-evidence");
        assertEquals(new TreeSet<>(QueryFixture.library().all().stream().map(NamedQuery::name).toList()), new TreeSet<>(tested));
    }

    @Test
    void graphSummary() {
        assertEquals(expected("""
                5 | 488 | 536 | 1154 | 197 | 118
                """), seed("graph-summary", Map.of(), "documents", "claims", "quotes", "evidence", "concepts", "references"));
    }

    @Test
    void claimsPerDocument() {
        assertEquals(expected("""
                000_8d91ced1eef075e5 | vendor page         | 114
                001_f2a8dd8490429c31 | health-news article | 163
                002_880d95a52fef6df5 | educational article | 92
                003_497fb625f584bf77 | educational article | 49
                004_2235d8500ff77c3b | clinic marketing    | 70
                """), seed("claims-per-document", Map.of(), "document", "genre", "claims"));
        assertEquals(expected("""
                How Calcium and Magnesium Boost Oxytocin for Bonding and Well-being?
                The Role of Magnesium in Mental Health: Can It Help with Depression and Anxiety?
                Understanding the Magnesium-Serotonin Connection
                What Is the Relationship Between Magnesium and Calcium?
                Magnesium and Calcium: The Mineral Duo Your Nerves Need
                """), seed("claims-per-document", Map.of(), "title"));
    }

    @Test
    void claimsPerGrade() {
        assertEquals(expected("""
                high     | 118
                moderate | 56
                low      | 23
                very low | 291
                """), seed("claims-per-grade", Map.of(), "grade", "claims"));
    }

    @Test
    void claimsPerMineral() {
        // a claim about calcium and magnesium together (concept:calcium-and-magnesium) counts for both
        assertEquals(expected("""
                magnesium | 265
                calcium   | 79
                """), seed("claims-per-mineral", Map.of(), "mineral", "claims"));
    }

    @Test
    void claimsPerRelation() {
        assertEquals(expected("""
                improves                | 75
                causes                  | 63
                alleviates              | 48
                regulates               | 44
                source of               | 42
                facilitates             | 28
                required for            | 27
                decreases               | 21
                associated with         | 18
                better absorbed than    | 17
                increases               | 17
                depletes                | 15
                better tolerated than   | 9
                cofactor of             | 9
                worsens                 | 9
                activates               | 8
                works with              | 7
                acts within             | 6
                interacts with          | 6
                prevents                | 6
                recommended at dose for | 4
                opposes                 | 3
                antagonizes             | 2
                less absorbed than      | 2
                precursor of            | 2
                """), seed("claims-per-relation", Map.of(), "relation", "claims"));
    }

    @Test
    void claimsAboutMagnesiumGlycinate() {
        // glycinate is the subject of every one; its broader mineral's claims are not included
        List<List<String>> rows = seed("claims-about", Map.of("concept", "concept:magnesium-glycinate"), "claim", "relation", "object", "grade", "hedged");
        assertEquals(expected("""
                claim:000-099 | cg:improves            | concept:emotional-well-being | very low | false
                claim:000-101 | cg:betterToleratedThan | concept:oral-magnesium       | very low | false
                claim:001-040 | cg:betterAbsorbedThan  | concept:magnesium-oxide      | very low | false
                claim:001-041 | cg:betterAbsorbedThan  | concept:magnesium-sulfate    | very low | false
                claim:001-042 | cg:betterToleratedThan | concept:magnesium-oxide      | very low | false
                claim:001-043 | cg:betterToleratedThan | concept:magnesium-sulfate    | very low | false
                claim:001-045 | cg:alleviates          | concept:anxiety              | very low | true
                claim:001-046 | cg:alleviates          | concept:insomnia             | very low | true
                claim:001-055 | cg:worksWith           | concept:antidepressants      | very low | true
                claim:001-069 | cg:improves            | concept:sleep-quality        | very low | false
                claim:001-070 | cg:alleviates          | concept:stress               | very low | false
                claim:001-095 | cg:alleviates          | concept:depression           | very low | false
                claim:001-096 | cg:betterAbsorbedThan  | concept:magnesium-oxide      | very low | false
                claim:001-097 | cg:betterToleratedThan | concept:magnesium-oxide      | very low | false
                claim:001-124 | cg:betterAbsorbedThan  | concept:magnesium-oxide      | very low | false
                claim:001-158 | cg:interactsWith       | concept:ssris                | very low | false
                claim:002-002 | cg:dosedAt             | concept:mood                 | very low | true
                claim:002-004 | cg:improves            | concept:relaxation           | very low | false
                claim:002-015 | cg:improves            | concept:mood                 | very low | false
                claim:002-016 | cg:improves            | concept:mood                 | very low | false
                claim:002-017 | cg:alleviates          | concept:anxiety              | very low | false
                claim:002-018 | cg:improves            | concept:sleep-quality        | very low | false
                claim:002-029 | cg:alleviates          | concept:magnesium-deficiency | moderate | true
                claim:002-030 | cg:improves            | concept:emotional-resilience | very low | true
                claim:002-032 | cg:improves            | concept:mood                 | very low | false
                claim:002-033 | cg:betterAbsorbedThan  | concept:magnesium-oxide      | very low | false
                claim:002-034 | cg:betterAbsorbedThan  | concept:magnesium-citrate    | very low | false
                claim:002-037 | cg:improves            | concept:relaxation           | very low | false
                claim:002-038 | cg:improves            | concept:sleep-quality        | very low | false
                claim:002-039 | cg:facilitates         | concept:serotonin-synthesis  | very low | false
                claim:002-040 | cg:betterToleratedThan | concept:magnesium-citrate    | very low | false
                claim:002-041 | cg:betterToleratedThan | concept:magnesium-oxide      | very low | false
                claim:002-047 | cg:improves            | concept:sleep-quality        | very low | true
                claim:002-055 | cg:improves            | concept:mood                 | very low | true
                claim:002-056 | cg:alleviates          | concept:anxiety              | very low | true
                claim:002-057 | cg:improves            | concept:sleep-quality        | very low | true
                claim:002-063 | cg:increases           | concept:melatonin-synthesis  | very low | false
                claim:002-064 | cg:improves            | concept:sleep-quality        | very low | true
                claim:002-086 | cg:increases           | concept:serotonin            | moderate | false
                claim:002-087 | cg:increases           | concept:serotonin            | moderate | false
                """), rows);
        assertEquals(List.of("concept:magnesium-glycinate"),
                seed("claims-about", Map.of("concept", "concept:magnesium-glycinate"), "subject").stream().map(r -> r.get(0)).distinct().toList());
        // the quote column holds the first words of the claim's (first) quote, the table row of 002-033
        assertTrue(seed("claims-about", Map.of("concept", "concept:magnesium-glycinate"), "claim", "document", "quote")
                .contains(List.of("claim:002-033", "doc:002_880d95a52fef6df5", "| Magnesium Glycinate | High |")));
        // a mineral includes its forms: glycinate's claims are among magnesium's, and calcium-and-magnesium counts too
        List<String> magnesium = seed("claims-about", Map.of("concept", "concept:magnesium"), "claim").stream().map(r -> r.get(0)).toList();
        assertEquals(265, magnesium.size(), "as claims-per-mineral counts them");
        assertTrue(magnesium.containsAll(rows.stream().map(r -> r.get(0)).toList()));
        assertTrue(magnesium.contains("claim:000-005"), "calcium and magnesium increase oxytocin");
    }

    @Test
    void mechanismPathsFromMagnesium() {
        String[] columns = {"agent", "firstRelation", "via", "secondRelation", "outcome", "pathGrade", "firstClaim", "secondClaim"};
        List<List<String>> all = seed("mechanism-paths", Map.of(), columns);
        // 116 paths through 14 intermediates; each path is as strong as its weaker claim; after the issue-15
        // review one path is graded low, the rest very low
        assertEquals(116, all.size());
        assertEquals(Set.of("low", "very low"), all.stream().map(r -> r.get(5)).collect(Collectors.toSet()));
        assertEquals(new TreeMap<>(Map.ofEntries(
                        Map.entry("concept:cortisol", 6L), Map.entry("concept:dopamine", 1L),
                        Map.entry("concept:excitatory-inhibitory-balance", 3L), Map.entry("concept:gabaergic-signalling", 6L),
                        Map.entry("concept:hormonal-balance", 2L), Map.entry("concept:hpa-axis-regulation", 12L),
                        Map.entry("concept:melatonin-synthesis", 1L), Map.entry("concept:neuronal-hyperexcitability", 52L),
                        Map.entry("concept:nmda-receptor", 4L), Map.entry("concept:oxytocin", 9L),
                        Map.entry("concept:oxytocin-release", 1L), Map.entry("concept:serotonergic-signalling", 2L),
                        Map.entry("concept:serotonin-synthesis", 16L), Map.entry("concept:synaptic-plasticity", 1L))),
                all.stream().collect(Collectors.groupingBy(r -> r.get(2), TreeMap::new, Collectors.counting())));
        // the first (oxytocin) paths are unchanged by the mechanism-chain curation
        assertTrue(all.containsAll(expected("""
                concept:calcium-and-magnesium | cg:increases   | concept:oxytocin            | cg:improves    | concept:bonding          | very low | claim:000-005 | claim:000-007
                concept:calcium-and-magnesium | cg:facilitates | concept:oxytocin-release    | cg:improves    | concept:maternal-bonding | very low | claim:000-092 | claim:000-048
                concept:magnesium             | cg:cofactorOf  | concept:serotonin-synthesis | cg:improves    | concept:sleep-quality    | very low | claim:002-001 | claim:002-049
                concept:magnesium-glycinate   | cg:facilitates | concept:serotonin-synthesis | cg:improves    | concept:sleep-quality    | very low | claim:002-039 | claim:002-049
                concept:magnesium             | cg:antagonizes | concept:nmda-receptor       | cg:requiredFor | concept:cognitive-function | very low | claim:001-003 | claim:001-133
                """)), all.toString());
        // Magnesium to depression: three chains the documents argue. Magnesium lowers cortisol (000-023,
        // 001-092, 002-028), which worsens depression (001-141); magnesium prevents or calms neuronal
        // hyperexcitability (001-018, 002-022, 004-010), which causes depression (001-138); magnesium supports
        // serotonin signalling (001-038); since issue 15, 001-148 says reduced serotonergic signalling causes
        // depression (a separate concept), so that third chain no longer joins and 001-162 adds a hyperexcitability one.
        assertEquals(expected("""
                concept:magnesium | cg:decreases | concept:cortisol                   | cg:worsens | concept:depression | very low | claim:000-023 | claim:001-141
                concept:magnesium | cg:decreases | concept:cortisol                   | cg:worsens | concept:depression | very low | claim:001-092 | claim:001-141
                concept:magnesium | cg:regulates | concept:cortisol                   | cg:worsens | concept:depression | very low | claim:002-028 | claim:001-141
                concept:magnesium | cg:prevents  | concept:neuronal-hyperexcitability | cg:causes  | concept:depression | very low | claim:001-018 | claim:001-138
                concept:magnesium | cg:prevents  | concept:neuronal-hyperexcitability | cg:causes  | concept:depression | very low | claim:001-162 | claim:001-138
                concept:magnesium | cg:decreases | concept:neuronal-hyperexcitability | cg:causes  | concept:depression | very low | claim:002-022 | claim:001-138
                concept:magnesium | cg:decreases | concept:neuronal-hyperexcitability | cg:causes  | concept:depression | very low | claim:004-010 | claim:001-138
                """), seed("mechanism-paths", Map.of("outcome", "concept:depression"), columns));
        // Magnesium to anxiety: the same three chains; hyperexcitability causes anxiety in 001 and 004
        assertEquals(expected("""
                concept:magnesium | cg:decreases | concept:cortisol                   | cg:worsens | concept:anxiety | very low | claim:000-023 | claim:001-140
                concept:magnesium | cg:decreases | concept:cortisol                   | cg:worsens | concept:anxiety | very low | claim:001-092 | claim:001-140
                concept:magnesium | cg:regulates | concept:cortisol                   | cg:worsens | concept:anxiety | very low | claim:002-028 | claim:001-140
                concept:magnesium | cg:prevents  | concept:neuronal-hyperexcitability | cg:causes  | concept:anxiety | very low | claim:001-018 | claim:001-136
                concept:magnesium | cg:prevents  | concept:neuronal-hyperexcitability | cg:causes  | concept:anxiety | very low | claim:001-018 | claim:004-067
                concept:magnesium | cg:prevents  | concept:neuronal-hyperexcitability | cg:causes  | concept:anxiety | very low | claim:001-162 | claim:001-136
                concept:magnesium | cg:prevents  | concept:neuronal-hyperexcitability | cg:causes  | concept:anxiety | very low | claim:001-162 | claim:004-067
                concept:magnesium | cg:decreases | concept:neuronal-hyperexcitability | cg:causes  | concept:anxiety | very low | claim:002-022 | claim:001-136
                concept:magnesium | cg:decreases | concept:neuronal-hyperexcitability | cg:causes  | concept:anxiety | very low | claim:002-022 | claim:004-067
                concept:magnesium | cg:decreases | concept:neuronal-hyperexcitability | cg:causes  | concept:anxiety | very low | claim:004-010 | claim:001-136
                concept:magnesium | cg:decreases | concept:neuronal-hyperexcitability | cg:causes  | concept:anxiety | very low | claim:004-010 | claim:004-067
                """), seed("mechanism-paths", Map.of("outcome", "concept:anxiety"), columns));
        assertEquals(expected("""
                concept:calcium-and-magnesium | cg:increases   | concept:oxytocin         | claim:000-005 | claim:000-008
                concept:calcium-and-magnesium | cg:increases   | concept:oxytocin         | claim:000-005 | claim:000-091
                concept:calcium               | cg:requiredFor | concept:oxytocin-release | claim:000-019 | claim:000-048
                concept:liposomal-calcium     | cg:facilitates | concept:oxytocin-release | claim:000-047 | claim:000-048
                concept:calcium               | cg:requiredFor | concept:oxytocin-release | claim:000-081 | claim:000-048
                concept:calcium-and-magnesium | cg:facilitates | concept:oxytocin-release | claim:000-092 | claim:000-048
                """), seed("mechanism-paths", Map.of("mineral", "concept:calcium", "outcome", "concept:maternal-bonding"),
                "agent", "firstRelation", "via", "firstClaim", "secondClaim"));
    }

    @Test
    void mechanismPathsListAPathOnceWhenTheIntermediateHasTwoOfTheTypes() {
        // concept:adrenaline is a cg:Hormone and a cg:Neurotransmitter; 004-033 says it increases urinary
        // magnesium excretion (a mechanism, so no path ends there). Two more claims make a path through it.
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        DatasetGraph seeds = QueryFixture.seeds();
        Txn.executeRead(seeds, () -> seeds.find().forEachRemaining(dsg::add));
        Node g = NodeFactory.createURI("urn:test:adrenaline");
        String cg = "https://w3id.org/claimgraph/ontology#";
        String id = "https://w3id.org/claimgraph/id/";
        String[][] claims = {
                {"claim/999-001", "concept/magnesium", "decreases", "concept/adrenaline"},
                {"claim/999-002", "concept/adrenaline", "worsens", "concept/anxiety"}};
        for (String[] c : claims) {
            Node claim = NodeFactory.createURI(id + c[0]);
            dsg.add(g, claim, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NodeFactory.createURI(cg + "Claim"));
            dsg.add(g, claim, NodeFactory.createURI(cg + "subject"), NodeFactory.createURI(id + c[1]));
            dsg.add(g, claim, NodeFactory.createURI(cg + "relation"), NodeFactory.createURI(cg + c[2]));
            dsg.add(g, claim, NodeFactory.createURI(cg + "object"), NodeFactory.createURI(id + c[3]));
            dsg.add(g, claim, NodeFactory.createURI(cg + "grade"), NodeFactory.createURI(cg + "GradeLow"));
        }
        Query query = QueryFixture.library().get("mechanism-paths").bind(Map.of("outcome", "concept:anxiety"));
        // the seeds' own paths to anxiety (through cortisol, hyperexcitability, serotonin) are left aside
        assertEquals(expected("""
                concept:magnesium | cg:decreases | concept:adrenaline | cg:worsens | concept:anxiety | low | claim:999-001 | claim:999-002
                """), QueryFixture.cells(GraphSource.of(dsg, "seeds and two claims").select(query)).stream()
                .filter(r -> r.contains("concept:adrenaline")).toList());
    }

    @Test
    void outcomeEvidenceForDepression() {
        // agent | best grade | claims | favourable claims | documents; magnesium deficiency is "associated with",
        // "causes" or "worsens" depression, cortisol worsens it, hyperexcitability causes it, reduced serotonergic
        // signalling causes it (001-148 since issue 15): none favourable; deficiency's best grade is now very low
        assertEquals(expected("""
                concept:magnesium                       | low      | 10 | 9 | 1
                concept:magnesium-deficiency            | very low | 7  | 0 | 2
                concept:cortisol                        | very low | 1  | 0 | 1
                concept:magnesium-citrate               | very low | 1  | 1 | 1
                concept:magnesium-glycinate             | very low | 1  | 1 | 1
                concept:magnesium-l-threonate           | very low | 1  | 1 | 1
                concept:neuronal-hyperexcitability      | very low | 1  | 0 | 1
                concept:reduced-serotonergic-signalling | very low | 1  | 0 | 1
                """), seed("outcome-evidence", Map.of("outcome", "concept:depression"), "agent", "bestGrade", "claims", "favourableClaims", "documents"));
    }

    @Test
    void unsupportedClaimsOfDocument002() {
        // Unsupported is the rule no-evidence's judgement: claims curators reviewed (cg:reviewed, derived) with
        // nothing that counts supporting them; the document's other claims are unreviewed (reported by unreviewed).
        assertEquals(expected("""
                claim:002-001 | concept:magnesium                     | cg:cofactorOf          | concept:serotonin-synthesis  | very low | unsupported
                claim:002-009 | concept:magnesium                     | cg:requiredFor         | concept:serotonin-synthesis  | very low | unsupported
                claim:002-010 | concept:magnesium-deficiency          | cg:decreases           | concept:serotonin-synthesis  | very low | unsupported
                claim:002-014 | concept:glycine                       | cg:increases           | concept:serotonin            | very low | unsupported
                claim:002-023 | concept:magnesium                     | cg:increases           | concept:gabaergic-signalling | very low | unsupported
                claim:002-025 | concept:magnesium                     | cg:facilitates         | concept:serotonin-synthesis  | very low | unsupported
                claim:002-030 | concept:magnesium-glycinate           | cg:improves            | concept:emotional-resilience | very low | unsupported
                claim:002-031 | concept:glycine                       | cg:alleviates          | concept:stress               | very low | unsupported
                claim:002-034 | concept:magnesium-glycinate           | cg:betterAbsorbedThan  | concept:magnesium-citrate    | very low | unsupported
                claim:002-039 | concept:magnesium-glycinate           | cg:facilitates         | concept:serotonin-synthesis  | very low | unsupported
                claim:002-040 | concept:magnesium-glycinate           | cg:betterToleratedThan | concept:magnesium-citrate    | very low | unsupported
                claim:002-042 | concept:magnesium-citrate             | cg:improves            | concept:relaxation           | very low | unsupported
                claim:002-049 | concept:serotonin-synthesis           | cg:improves            | concept:sleep-quality        | very low | unsupported
                claim:002-059 | concept:magnesium                     | cg:increases           | concept:gabaergic-signalling | very low | unsupported
                claim:002-068 | concept:magnesium-deficiency          | cg:associatedWith      | concept:insomnia             | very low | unsupported
                claim:002-069 | concept:magnesium-deficiency          | cg:associatedWith      | concept:fatigue              | very low | unsupported
                claim:002-072 | concept:glycine                       | cg:increases           | concept:serotonin            | very low | unsupported
                claim:002-077 | concept:excitatory-inhibitory-balance | cg:improves            | concept:mood                 | very low | unsupported
                claim:002-078 | concept:serotonin-synthesis           | cg:improves            | concept:mood                 | very low | unsupported
                claim:002-082 | concept:glycine-receptors             | cg:regulates           | concept:sleep-quality        | very low | unsupported
                claim:002-083 | concept:glycine-receptors             | cg:increases           | concept:serotonin            | very low | unsupported
                claim:002-088 | concept:magnesium                     | cg:alleviates          | concept:irritability         | very low | unsupported
                claim:002-090 | concept:magnesium                     | cg:alleviates          | concept:mood-swings          | very low | unsupported
                claim:002-092 | concept:magnesium                     | cg:alleviates          | concept:fatigue              | very low | unsupported
                """), seed("unsupported-claims", Map.of("document", "doc:002_880d95a52fef6df5", "includeWeak", "false"),
                "claim", "subject", "relation", "object", "grade", "support"));
        // with weak ones: 002-001 is disputed by curator evidence (nothing supports it beyond the article), so
        // still unsupported; 002-002 has a supporting trial (Tarleton 2017) and is graded very low: weakly supported
        List<List<String>> withWeak = seed("unsupported-claims", Map.of("document", "doc:002_880d95a52fef6df5"), "claim", "grade", "support");
        assertTrue(withWeak.contains(List.of("claim:002-001", "very low", "unsupported")), withWeak.toString());
        assertTrue(withWeak.contains(List.of("claim:002-002", "very low", "weakly supported")), withWeak.toString());
        assertTrue(withWeak.stream().noneMatch(r -> r.get(0).equals("claim:002-020")), "002-020 (NMDA block) is graded high");
    }

    @Test
    void documentsByUnsupportedShare() {
        // unsupported (reviewed, nothing that counts: the rule no-evidence) / claims, rounded to three decimals:
        // 67/114, 48/163, 20/70, 24/92, 5/49: since issue 15 every claim is reviewed, and a review that found
        // nothing verified makes the claim no-evidence (164 in all, as seed-findings.txt lists them)
        String all = """
                doc:000_8d91ced1eef075e5 | cg:VendorPage         | 114 | 67 | 0.588
                doc:001_f2a8dd8490429c31 | cg:HealthNewsArticle  | 163 | 48 | 0.294
                doc:004_2235d8500ff77c3b | cg:ClinicMarketing    | 70  | 20 | 0.286
                doc:002_880d95a52fef6df5 | cg:EducationalArticle | 92  | 24 | 0.261
                doc:003_497fb625f584bf77 | cg:EducationalArticle | 49  | 5  | 0.102
                """;
        String[] columns = {"document", "genre", "claims", "unsupported", "share"};
        assertEquals(expected(all), seed("documents-by-unsupported-share", Map.of(), columns));
        assertEquals(expected(all), seed("documents-by-unsupported-share", Map.of("minClaims", "0"), columns));
        assertEquals(List.of("doc:000_8d91ced1eef075e5", "doc:001_f2a8dd8490429c31", "doc:002_880d95a52fef6df5"),
                seed("documents-by-unsupported-share", Map.of("minClaims", "85"), "document").stream().map(r -> r.get(0)).toList());
    }

    @Test
    void claimsByEvidenceTypeTraceableCitations() {
        // the only traceable citations in the five documents: 001 cites Tarleton 2017 six times (001-131, the Eby
        // 2006 reading-list title, is no longer a claim)
        assertEquals(expected("""
                obo:ECO_0000033 | traceable author statement | cg:Supports | claim:001-001 | doc:001_f2a8dd8490429c31 | cg:TraceableCitation | reference:tarleton-2017
                obo:ECO_0000033 | traceable author statement | cg:Supports | claim:001-026 | doc:001_f2a8dd8490429c31 | cg:TraceableCitation | reference:tarleton-2017
                obo:ECO_0000033 | traceable author statement | cg:Supports | claim:001-027 | doc:001_f2a8dd8490429c31 | cg:TraceableCitation | reference:tarleton-2017
                obo:ECO_0000033 | traceable author statement | cg:Supports | claim:001-028 | doc:001_f2a8dd8490429c31 | cg:TraceableCitation | reference:tarleton-2017
                obo:ECO_0000033 | traceable author statement | cg:Supports | claim:001-029 | doc:001_f2a8dd8490429c31 | cg:TraceableCitation | reference:tarleton-2017
                obo:ECO_0000033 | traceable author statement | cg:Supports | claim:001-030 | doc:001_f2a8dd8490429c31 | cg:TraceableCitation | reference:tarleton-2017
                """), sorted(seed("claims-by-evidence-type", Map.of("type", "obo:ECO_0000033"),
                "type", "typeLabel", "direction", "claim", "document", "citationKind", "reference")));
        // 38 lines of evidence dispute a claim, among them the two against 002-001
        List<List<String>> disputes = seed("claims-by-evidence-type", Map.of("direction", "cg:Disputes"), "type", "claim", "reference");
        assertEquals(38, disputes.size());
        assertTrue(disputes.containsAll(expected("""
                obo:ECO_0000205 | claim:002-001 | reference:fitzpatrick-2013
                obo:ECO_0000205 | claim:002-001 | reference:iubmb-ec-1-14-16-4
                """)), disputes.toString());
        // every line of evidence is a row, the direction-less "no evidence data found" lines (ECO:0000035) the
        // derivation adds for reviews that found nothing too: as many rows as graph-summary counts evidence nodes
        List<List<String>> every = seed("claims-by-evidence-type", Map.of(), "type", "direction", "claim");
        assertEquals(1154, every.size());
        assertEquals(seed("graph-summary", Map.of(), "evidence").get(0).get(0), String.valueOf(every.size()));
        List<List<String>> noEvidenceFound = every.stream().filter(r -> r.get(0).equals("obo:ECO_0000035")).toList();
        assertEquals(156, noEvidenceFound.size());
        assertTrue(noEvidenceFound.stream().allMatch(r -> r.get(1).isEmpty()), noEvidenceFound.toString());
        // a direction asked for leaves them out: the supporting and the disputing lines make up the rest
        assertEquals(960, seed("claims-by-evidence-type", Map.of("direction", "cg:Supports"), "claim").size());
        assertEquals(every.size() - noEvidenceFound.size() - disputes.size(),
                seed("claims-by-evidence-type", Map.of("direction", "cg:Supports"), "claim").size());
    }

    @Test
    void contradictingClaimsInTheSeeds() {
        // Document 001 says magnesium "can be safely combined with most treatments" (negated: does not interact
        // with medications); 000 says it may enhance anti-anxiety medications and 004 that proton pump inhibitors
        // affect its absorption: opposite polarity through the concept hierarchy, neither explained by context.
        assertEquals(expected("""
                claim:000-097 | claim:001-160 | opposite-polarity | false
                """), seed("contradicting-claims", Map.of(), "claim", "otherClaim", "conflict", "explained"));
        assertEquals(1, seed("contradicting-claims", Map.of("concept", "concept:magnesium"), "claim", "otherClaim").size());
        assertEquals(List.of(), seed("contradicting-claims", Map.of("concept", "concept:calcium"), "claim", "otherClaim"));
    }

    @Test
    void referencesCitedTarleton2017() {
        List<List<String>> rows = seed("references-cited", Map.of("reference", "reference:tarleton-2017"),
                "reference", "year", "design", "traceable", "claim", "evidenceType", "direction");
        assertEquals(List.of("reference:tarleton-2017 | 2017 | randomized controlled trial | true"),
                rows.stream().map(r -> String.join(" | ", r.subList(0, 4))).distinct().toList());
        // the six claims of 001 that cite it (traceable author statement) and every claim curators rest on it
        assertEquals(expected("""
                claim:000-003 | obo:ECO_0000180 | cg:Supports
                claim:000-026 | obo:ECO_0000180 | cg:Supports
                claim:000-061 | obo:ECO_0000180 | cg:Supports
                claim:000-095 | obo:ECO_0000180 | cg:Supports
                claim:001-001 | obo:ECO_0000033 | cg:Supports
                claim:001-001 | obo:ECO_0000180 | cg:Supports
                claim:001-025 | obo:ECO_0000180 | cg:Supports
                claim:001-026 | obo:ECO_0000033 | cg:Supports
                claim:001-026 | obo:ECO_0000180 | cg:Supports
                claim:001-027 | obo:ECO_0000033 | cg:Supports
                claim:001-027 | obo:ECO_0000180 | cg:Supports
                claim:001-028 | obo:ECO_0000033 | cg:Supports
                claim:001-028 | obo:ECO_0000180 | cg:Supports
                claim:001-029 | obo:ECO_0000033 | cg:Supports
                claim:001-029 | obo:ECO_0000180 | cg:Supports
                claim:001-030 | obo:ECO_0000033 | cg:Supports
                claim:001-030 | obo:ECO_0000180 | cg:Supports
                claim:001-033 | obo:ECO_0000180 | cg:Supports
                claim:001-039 | obo:ECO_0000180 | cg:Supports
                claim:001-088 | obo:ECO_0000180 | cg:Supports
                claim:001-125 | obo:ECO_0000180 | cg:Supports
                claim:001-126 | obo:ECO_0000180 | cg:Supports
                claim:001-127 | obo:ECO_0000180 | cg:Supports
                claim:002-002 | obo:ECO_0000180 | cg:Supports
                claim:002-015 | obo:ECO_0000205 | cg:Supports
                claim:002-016 | obo:ECO_0000180 | cg:Supports
                claim:002-032 | obo:ECO_0000205 | cg:Supports
                claim:002-055 | obo:ECO_0000180 | cg:Supports
                claim:002-061 | obo:ECO_0000180 | cg:Supports
                """), sorted(rows.stream().map(r -> r.subList(4, 7)).toList()));
        // every one of the 118 references is listed, with or without claims
        assertEquals(118, seed("references-cited", Map.of(), "reference").stream().distinct().count());
    }

    @Test
    void dosesAgainstTheUpperLimit() {
        // 000-003: 300-400 mg/day total intake; magnesium's only upper limits are for supplements, so none
        // applies. 002-002: 200-400 mg/day supplemental, above the 350 mg/day limit from age 9 (400/350 = 1.14).
        String[] columns = {"claim", "doseOf", "minMgPerDay", "maxMgPerDay", "doseScope", "upperLimitMgPerDay", "limitScope", "population", "exceeds", "timesLimit"};
        assertEquals(expected("""
                claim:000-003 | concept:magnesium | 300.0 | 400.0 | cg:TotalIntake        |       |                       |                              |      |
                claim:002-002 | concept:magnesium | 200.0 | 400.0 | cg:SupplementalIntake | 350.0 | cg:SupplementalIntake | people aged 9 years and over | true | 1.14
                """), seed("doses-vs-upper-limit", Map.of(), columns));
        assertEquals(expected("""
                claim:000-003 | concept:magnesium | 300.0 | 400.0 | cg:TotalIntake        |       |                       |                         |      |
                claim:002-002 | concept:magnesium | 200.0 | 400.0 | cg:SupplementalIntake | 110.0 | cg:SupplementalIntake | children aged 4-8 years | true | 3.64
                """), seed("doses-vs-upper-limit", Map.of("age", "6"), columns));
        assertEquals(expected("""
                claim:002-002 | concept:magnesium | 200.0 | 400.0 | cg:SupplementalIntake | 350.0 | cg:SupplementalIntake | people aged 9 years and over | true | 1.14
                """), seed("doses-vs-upper-limit", Map.of("exceedingOnly", "true"), columns));
    }

    @Test
    void bioavailabilityComparisons() {
        // better | worse | claim | relation | grade; 000-037 and 002-036 say "less absorbed than" and are turned round
        String[] columns = {"better", "worse", "claim", "relation", "grade"};
        assertEquals(expected("""
                concept:calcium-citrate       | concept:calcium-carbonate | claim:000-104 | cg:betterAbsorbedThan | moderate
                concept:intravenous-calcium   | concept:oral-calcium      | claim:004-057 | cg:betterAbsorbedThan | moderate
                concept:intravenous-magnesium | concept:oral-magnesium    | claim:004-056 | cg:betterAbsorbedThan | moderate
                concept:liposomal-calcium     | concept:calcium-carbonate | claim:000-105 | cg:betterAbsorbedThan | very low
                concept:liposomal-calcium     | concept:oral-calcium      | claim:000-044 | cg:betterAbsorbedThan | very low
                concept:liposomal-calcium     | concept:oral-calcium      | claim:000-111 | cg:betterAbsorbedThan | very low
                concept:liposomal-magnesium   | concept:oral-magnesium    | claim:000-001 | cg:betterAbsorbedThan | very low
                concept:liposomal-magnesium   | concept:oral-magnesium    | claim:000-037 | cg:lessAbsorbedThan   | very low
                concept:liposomal-magnesium   | concept:oral-magnesium    | claim:000-038 | cg:betterAbsorbedThan | very low
                concept:liposomal-magnesium   | concept:oral-magnesium    | claim:000-063 | cg:betterAbsorbedThan | very low
                concept:liposomal-magnesium   | concept:oral-magnesium    | claim:000-103 | cg:betterAbsorbedThan | very low
                concept:magnesium-citrate     | concept:magnesium-oxide   | claim:002-035 | cg:betterAbsorbedThan | low
                concept:magnesium-citrate     | concept:magnesium-oxide   | claim:002-036 | cg:lessAbsorbedThan   | low
                concept:magnesium-glycinate   | concept:magnesium-citrate | claim:002-034 | cg:betterAbsorbedThan | very low
                concept:magnesium-glycinate   | concept:magnesium-oxide   | claim:001-040 | cg:betterAbsorbedThan | very low
                concept:magnesium-glycinate   | concept:magnesium-oxide   | claim:001-096 | cg:betterAbsorbedThan | very low
                concept:magnesium-glycinate   | concept:magnesium-oxide   | claim:001-124 | cg:betterAbsorbedThan | very low
                concept:magnesium-glycinate   | concept:magnesium-oxide   | claim:002-033 | cg:betterAbsorbedThan | very low
                concept:magnesium-glycinate   | concept:magnesium-sulfate | claim:001-041 | cg:betterAbsorbedThan | very low
                """), seed("bioavailability", Map.of(), columns));
        assertEquals(expected("""
                concept:magnesium-citrate   | concept:magnesium-oxide   | claim:002-035 | cg:betterAbsorbedThan | low
                concept:magnesium-citrate   | concept:magnesium-oxide   | claim:002-036 | cg:lessAbsorbedThan   | low
                concept:magnesium-glycinate | concept:magnesium-citrate | claim:002-034 | cg:betterAbsorbedThan | very low
                """), seed("bioavailability", Map.of("form", "concept:magnesium-citrate"), columns));
    }

    @Test
    void conceptSearchForHpa() {
        assertEquals(expected("""
                concept:hpa-axis-regulation | cg:Mechanism | HPA axis regulation | HPA axis regulation                       | preferred
                concept:hpa-axis-regulation | cg:Mechanism | HPA axis regulation | HPA axis                                  | synonym
                concept:hpa-axis-regulation | cg:Mechanism | HPA axis regulation | hypothalamic-pituitary-adrenal (HPA) axis | synonym
                """), seed("concept-search", Map.of("text", "hpa"), "concept", "type", "label", "matched", "labelKind"));
        // glycine is a nutrient and a neurotransmitter: one row per type
        assertEquals(expected("""
                concept:glycine | cg:Neurotransmitter | glycine | preferred
                concept:glycine | cg:Nutrient         | glycine | preferred
                """), seed("concept-search", Map.of("text", "GLYCINE"), "concept", "type", "matched", "labelKind").stream()
                .filter(r -> r.get(0).equals("concept:glycine")).toList());
    }

    @Test
    void commercialInterestClaims() {
        // 000 (an ingredient maker selling magnesium and calcium) and 004 (an IV clinic selling IV magnesium,
        // IV calcium and the Myers' cocktail) are the two documents with a commercial interest
        List<List<String>> rows = seed("commercial-interest-claims", Map.of(), "document", "aboutWhatItSells");
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(r -> r.get(0) + " " + r.get(1), java.util.TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("doc:000_8d91ced1eef075e5 false", 30L, "doc:000_8d91ced1eef075e5 true", 84L,
                "doc:004_2235d8500ff77c3b false", 62L, "doc:004_2235d8500ff77c3b true", 8L), counts);
        assertEquals(expected("""
                doc:004_2235d8500ff77c3b | claim:004-002
                doc:004_2235d8500ff77c3b | claim:004-056
                doc:004_2235d8500ff77c3b | claim:004-057
                doc:004_2235d8500ff77c3b | claim:004-058
                doc:004_2235d8500ff77c3b | claim:004-059
                doc:004_2235d8500ff77c3b | claim:004-060
                doc:004_2235d8500ff77c3b | claim:004-061
                doc:004_2235d8500ff77c3b | claim:004-062
                """), seed("commercial-interest-claims", Map.of("soldOnly", "true"), "document", "claim").stream()
                .filter(r -> r.get(0).startsWith("doc:004")).toList());
        assertEquals(92, seed("commercial-interest-claims", Map.of("soldOnly", "true"), "claim").size());
        assertTrue(seed("commercial-interest-claims", Map.of(), "claim", "publisher")
                .contains(List.of("claim:000-001", "API & Fine Pharmaceutical Manufacturer in India")));
    }

    @Test
    void claimEvidenceFor002001() {
        // one author statement, uncited, and two curator inferences that dispute it
        assertEquals(expected("""
                concept:magnesium | cg:cofactorOf | concept:serotonin-synthesis | very low | obo:ECO_0000034 | cg:Supports | cg:Uncited |
                concept:magnesium | cg:cofactorOf | concept:serotonin-synthesis | very low | obo:ECO_0000205 | cg:Disputes |            | reference:fitzpatrick-2013
                concept:magnesium | cg:cofactorOf | concept:serotonin-synthesis | very low | obo:ECO_0000205 | cg:Disputes |            | reference:iubmb-ec-1-14-16-4
                """), seed("claim-evidence", Map.of("claim", "claim:002-001"),
                "subject", "relation", "object", "grade", "evidenceType", "direction", "citationKind", "reference"));
        List<List<String>> notes = seed("claim-evidence", Map.of("claim", "claim:002-001"), "note");
        assertTrue(notes.get(2).get(0).startsWith("EC 1.14.16.4, tryptophan hydroxylase"), notes.toString());
    }

    // --- the same answers through the CLI (in memory, --tdb, --endpoint) and the REST API -----------------

    @Test
    void aSeedQueryAnswersTheSameInMemoryOnTdb2ThroughTheEndpointAndTheApi(@TempDir Path dir) throws Exception {
        Path tdb = dir.resolve("tdb");
        CliRun load = CliRun.in(TestProject.REPO, "load", "--tdb", tdb.toString());
        assertEquals(0, load.exitCode(), load.err());
        DatasetGraph seeds = QueryFixture.seeds();
        QueryLibrary library = QueryFixture.library();
        FusekiServer server = FusekiServer.create().port(0).loopback(true)
                .add("/kg", GraphSource.unionView(seeds), false)
                .addServlet("/api/*", new QueryApiServlet(library, GraphSource.of(seeds, "seeds")))
                .build().start();
        try {
            String base = "http://localhost:" + server.getHttpPort();
            List<QuerySamples.Sample> samples = List.of(
                    new QuerySamples.Sample("claims-about", Map.of("concept", "concept:magnesium-glycinate")),
                    new QuerySamples.Sample("documents-by-unsupported-share", Map.of()));
            for (QuerySamples.Sample s : samples) {
                Query query = library.get(s.name()).bind(s.params());
                RowSetRewindable memory = GraphSource.of(seeds, "memory").select(query);
                assertTrue(QueryFixture.cells(memory).size() >= 5, s + " finds rows on the seeds");
                for (ResultFormat format : List.of(ResultFormat.TABLE, ResultFormat.CSV)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    format.write(memory, out, Prefixes.forQuery(query.getPrefixMapping()));
                    String expected = out.toString(StandardCharsets.UTF_8);
                    for (List<String> source : List.of(List.<String>of(), List.of("--tdb", tdb.toString()), List.of("--endpoint", base + "/kg/sparql"))) {
                        CliRun r = CliRun.in(TestProject.REPO, cli(s, format, source));
                        assertEquals(0, r.exitCode(), s + " " + source + ": " + r.err());
                        assertEquals(expected, r.out(), s + " " + source + " " + format);
                    }
                }
                HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(base + "/api/queries/" + s.name() + queryString(s.params()))).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, response.statusCode(), s.toString());
                RowSetRewindable api = RowSetMem.create(RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON)));
                assertEquals(QueryFixture.terms(memory), QueryFixture.terms(api), s + " through the API");
            }
        } finally {
            server.stop();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** The rows of a named query on the seed graph, only the given columns, as the table shows the cells. */
    static List<List<String>> seed(String name, Map<String, String> params, String... columns) {
        RowSetRewindable rows = QueryFixture.run(QueryFixture.seeds(), name, params);
        rows.reset();
        List<String> vars = rows.getResultVars().stream().map(Var::getVarName).toList();
        for (String c : columns) assertTrue(vars.contains(c), name + " has no column " + c + ": " + vars);
        List<List<String>> out = new ArrayList<>();
        rows.forEachRemaining(b -> out.add(Arrays.stream(columns).map(c -> QueryFixture.show(b.get(Var.alloc(c)))).toList()));
        return out;
    }

    private static String[] cli(QuerySamples.Sample s, ResultFormat format, List<String> source) {
        List<String> args = new ArrayList<>(List.of("query", s.name(), "--format", format.keyword()));
        s.params().forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        args.addAll(source);
        return args.toArray(String[]::new);
    }

    private static String queryString(Map<String, String> params) {
        if (params.isEmpty()) return "";
        return "?" + params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * The rows of an export-like query, which come in the order the store finds them (it has no ORDER BY), in
     * the order of their cells, to compare with rows written in that order.
     */
    static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(Comparator.comparing((List<String> r) -> String.join("\u0000", r))).toList();
    }

    /** Rows written one a line as {@code cell | cell | ...}; surrounding blanks are trimmed. */
    static List<List<String>> expected(String text) {
        return text.lines().filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split("\\|", -1)).map(String::strip).toList()).toList();
    }
}
