package org.w3id.claimgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.project.ProjectLayout;

/** The pipeline on small texts, one behaviour each, with the repository's lexicons and concepts. */
class IngestPipelineTest {
    private static final String C = Concept.NS;
    private static final String CG = Lexicon.CG;
    private static Lexicon lexicon;
    private static ConceptIndex concepts;

    @BeforeAll
    static void load() {
        ProjectLayout repo = ProjectLayout.locate();
        lexicon = Lexicon.load(Ingest.lexiconDir(repo));
        concepts = ConceptIndex.load(repo.conceptsDir());
    }

    private static IngestPipeline.Result run(String text) {
        return new IngestPipeline(lexicon, concepts, Map.of()).run("042", text);
    }

    private static Candidate only(String text, String subject, String object) {
        List<Candidate> found = run(text).candidates().stream()
                .filter(c -> c.subject().equals(C + subject) && c.object().equals(C + object)).toList();
        assertEquals(1, found.size(), "one " + subject + " → " + object + " in: " + run(text).candidates());
        return found.get(0);
    }

    @Test
    void conceptsMatchAnyCaseAndPlural() {
        Candidate c = only("MAGNESIUM reduces Migraines.", "magnesium", "migraine");
        assertEquals(CG + "alleviates", c.relation(), "'reduces' an outcome alleviates it");
        assertEquals(CG + "decreases", only("Magnesium reduces cortisol.", "magnesium", "cortisol").relation());
    }

    @Test
    void passiveVoiceIsTurnedAround() {
        Candidate c = only("Cortisol is lowered by magnesium.", "magnesium", "cortisol");
        assertEquals(CG + "decreases", c.relation());
    }

    @Test
    void inverseCuesAndListsOfInstances() {
        assertEquals(CG + "sourceOf", only("Magnesium is found in leafy greens.", "leafy-greens", "magnesium").relation());
        assertEquals(CG + "sourceOf", only("Foods rich in magnesium include leafy greens and legumes.", "legumes", "magnesium").relation());
    }

    @Test
    void negationAndDirectnessNegExStyle() {
        Candidate c = only("Magnesium does not directly produce serotonin.", "magnesium", "serotonin");
        assertTrue(c.negated());
        assertTrue(c.direct());
        assertFalse(only("Stress doesn't just deplete magnesium.", "stress", "magnesium").negated(), "a pseudo-trigger negates nothing");
        assertFalse(only("Magnesium reduces anxiety, but it does not cure everything.", "magnesium", "anxiety").negated(),
                "the scope ends at a terminator");
    }

    @Test
    void hedgingWithItsScope() {
        assertTrue(only("Magnesium may improve sleep quality.", "magnesium", "sleep-quality").hedged());
        assertFalse(only("Magnesium improves sleep quality.", "magnesium", "sleep-quality").hedged());
        assertTrue(only("Magnesium improves sleep quality, studies suggest.", "magnesium", "sleep-quality").hedged());
    }

    @Test
    void anaphorsAndListItemsTakeTheTopic() {
        IngestPipeline.Result r = run("Magnesium\n\nIt relieves anxiety.\n\nMagnesium helps you:\n  • sleep better\n  • ease stress\n");
        assertTrue(r.candidates().stream().anyMatch(c -> c.subject().equals(C + "magnesium") && c.object().equals(C + "anxiety")));
        assertTrue(r.candidates().stream().anyMatch(c -> c.subject().equals(C + "magnesium") && c.object().equals(C + "stress")
                && c.quotes().get(0).exact().equals("ease stress")));
    }

    @Test
    void citations() {
        Candidate doi = only("Magnesium reduces anxiety (doi:10.1000/xyz123).", "magnesium", "anxiety");
        assertEquals(CG + "TraceableCitation", doi.evidence().get(0).citationKind());
        assertEquals(IngestPipeline.ECO_TRACEABLE, doi.evidence().get(0).ecoClass());
        assertEquals(NewReference.NS + "doi-10-1000-xyz123", doi.evidence().get(0).reference());
        assertEquals(CG + "TraceableCitation", only("Magnesium reduces anxiety (PMID: 28654669).", "magnesium", "anxiety").evidence().get(0).citationKind());
        assertEquals(CG + "UntraceableCitation",
                only("A study published in PLOS One found that magnesium reduces anxiety.", "magnesium", "anxiety").evidence().get(0).citationKind());
        assertEquals(CG + "VagueAppeal", only("Studies show that magnesium reduces anxiety.", "magnesium", "anxiety").evidence().get(0).citationKind());
        Candidate plain = only("Magnesium reduces anxiety.", "magnesium", "anxiety");
        assertEquals(CG + "Uncited", plain.evidence().get(0).citationKind());
        assertNull(plain.evidence().get(0).reference());
        assertEquals(CG + "UntraceableCitation", only("The WHO says magnesium reduces anxiety.", "magnesium", "anxiety").evidence().get(0).citationKind(),
                "a named institution");
        assertEquals(CG + "Uncited", only("People who take magnesium report reduced anxiety.", "magnesium", "anxiety").evidence().get(0).citationKind(),
                "a proper name matches only in its own case");
    }

    @Test
    void dosesAndQuantitiesBecomeTypedValues() {
        Candidate dose = only("Take 200-400 mg of elemental magnesium daily from supplements for sleep quality.", "magnesium", "sleep-quality");
        assertEquals(1, dose.doses().size());
        Candidate.StatedDose d = dose.doses().get(0);
        assertEquals(C + "magnesium", d.doseOf());
        assertEquals(0, d.min().compareTo(new BigDecimal("200")));
        assertEquals(0, d.max().compareTo(new BigDecimal("400")));
        assertEquals(CG + "SupplementalIntake", d.intakeScope());
        assertTrue(d.elemental());
        assertTrue(only("Take 2 g of magnesium for sleep quality.", "magnesium", "sleep-quality").doses().isEmpty(),
                "without a per-day cue an amount is no dose");
        assertEquals(List.of("2 g"), only("Take 2 g of magnesium for sleep quality.", "magnesium", "sleep-quality").qualifiers());
        Candidate fold = only("Liposomal magnesium improves absorption 5-10 times over oral magnesium.", "liposomal-magnesium", "oral-magnesium");
        assertEquals(List.of(new Candidate.FoldChange(new BigDecimal("5"), new BigDecimal("10"))), fold.quantities());
        Candidate time = only("Magnesium relieves anxiety within six weeks.", "magnesium", "anxiety");
        assertEquals(List.of(new Candidate.TimeToEffect(new BigDecimal("6.0"), new BigDecimal("6.0"), "http://qudt.org/vocab/unit/WK")),
                time.quantities());
        Candidate ratio = only("A 2:1 ratio of calcium to magnesium supports bone health.", "magnesium", "bone-health");
        assertEquals(new Candidate.Ratio(C + "calcium", C + "magnesium", new BigDecimal("2"), new BigDecimal("1")), ratio.quantities().get(0));
    }

    @Test
    void sentencesWithACueButNoKnownConceptAreReported() {
        IngestPipeline.Result r = run("Line one.\nThe zorblax pathway reduces glimmering.\n");
        assertTrue(r.candidates().isEmpty());
        assertEquals(1, r.unknownConcepts().size());
        UnknownConcept u = r.unknownConcepts().get(0);
        assertEquals(2, u.line());
        assertEquals(1, u.column());
        assertEquals(List.of("zorblax pathway", "glimmering"), u.words());
    }

    @Test
    void repeatedSentencesGetAHintThatPicksTheirOccurrence() {
        String text = "Magnesium reduces anxiety.\nMore text here.\nMagnesium reduces anxiety.\n";
        List<Candidate> found = run(text).candidates();
        assertEquals(2, found.size());
        Candidate.Quote first = found.get(0).quotes().get(0);
        Candidate.Quote second = found.get(1).quotes().get(0);
        assertNull(first.prefixHint(), "the first occurrence starts the text: no words before it");
        assertTrue(first.suffixHint() != null && text.startsWith(first.suffixHint(), first.end()));
        assertTrue(second.prefixHint() != null && text.substring(0, second.start()).endsWith(second.prefixHint()));
        assertEquals(text.lastIndexOf("Magnesium reduces anxiety."), second.start());
    }

    @Test
    void theWriterOutputIsTurtle() {
        String ttl = CompactClaimWriter.claimsFile("test", run("Magnesium does not directly produce serotonin; take 300 mg daily "
                + "(doi:10.1000/a\"b). A 2:1 ratio of calcium to magnesium supports bone health within 2 weeks.").candidates());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(g);
        assertTrue(g.size() > 20, ttl);
    }
}
