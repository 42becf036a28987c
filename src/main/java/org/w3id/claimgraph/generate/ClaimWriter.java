package org.w3id.claimgraph.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.Sha256;
import org.w3id.claimgraph.generate.CorpusGenerator.Concept;
import org.w3id.claimgraph.generate.CorpusGenerator.Vocabulary;

/**
 * Writes one generated document: its text (one sentence per claim, each containing a phrase no other
 * sentence contains, so every quote occurs exactly once), its metadata and its claims in the compact
 * format. Profiles mix evidence as the seeds do and let a share of the claims break each validation rule: grades
 * are derived by the build, a share of the claims carries a literature review (found evidence, or nothing) and a
 * share a curator's override; a few are candidates, proposed by ingest and not yet reviewed.
 */
final class ClaimWriter {
    private static final String HEADER = """
            @prefix cg:        <https://w3id.org/claimgraph/ontology#> .
            @prefix concept:   <https://w3id.org/claimgraph/id/concept/> .
            @prefix reference: <https://w3id.org/claimgraph/id/reference/> .
            @prefix claim:     <https://w3id.org/claimgraph/id/claim/> .
            @prefix doc:       <https://w3id.org/claimgraph/id/document/> .
            @prefix dcterms:   <http://purl.org/dc/terms/> .
            @prefix xsd:       <http://www.w3.org/2001/XMLSchema#> .
            @prefix obo:       <http://purl.obolibrary.org/obo/> .
            """;
    /** Relations of ordinary claims: none is incompatible with another, so contradictions are only planted. */
    private static final String[] RELATIONS = weighted(Map.of(
            "improves", 25, "increases", 10, "alleviates", 10, "prevents", 5, "requiredFor", 10, "regulates", 10,
            "facilitates", 5, "cofactorOf", 5, "associatedWith", 10, "activates", 5));
    private static final Map<String, String> OPPOSITE = Map.of(
            "improves", "worsens", "increases", "decreases", "alleviates", "causes", "prevents", "causes",
            "activates", "antagonizes");
    private static final List<String> CONTRADICTABLE = List.of("improves", "increases", "alleviates", "prevents", "activates");
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("improves", "improves"), Map.entry("increases", "increases"), Map.entry("alleviates", "alleviates"),
            Map.entry("prevents", "prevents"), Map.entry("requiredFor", "is required for"), Map.entry("regulates", "regulates"),
            Map.entry("facilitates", "facilitates"), Map.entry("cofactorOf", "is a cofactor of"),
            Map.entry("associatedWith", "is associated with"), Map.entry("activates", "activates"),
            Map.entry("worsens", "worsens"), Map.entry("decreases", "decreases"), Map.entry("causes", "causes"),
            Map.entry("antagonizes", "antagonizes"), Map.entry("dosedAt", "is taken for"));
    private static final String[] GENRES = {"VendorPage", "HealthNewsArticle", "EducationalArticle", "EducationalArticle", "ClinicMarketing"};
    private static final String[] FILLER = {
        "Readers often ask about this.", "The evidence is discussed below.", "Talk to a professional before changing your diet.",
        "Many people take supplements every day.", "Food sources are listed at the end.", "The details matter here.",
        "Not everyone responds the same way.", "This is a common question."
    };

    private final Vocabulary vocabulary;
    private final Zipf<GeneratedReference> traceable;
    private final List<GeneratedReference> untraceable;
    /** Claims with a rarely used subject and object, from earlier documents, that later ones may contradict. */
    private final List<String[]> contradictable = new ArrayList<>();

    ClaimWriter(Vocabulary vocabulary, List<GeneratedReference> references) {
        this.vocabulary = vocabulary;
        this.traceable = new Zipf<>(references.stream().filter(GeneratedReference::traceable).toList(), 0.8);
        this.untraceable = references.stream().filter(r -> !r.traceable()).toList();
    }

    void writeDocument(ProjectLayout layout, int number, int claimCount, SplittableRandom random) throws IOException {
        String docNumber = String.format(Locale.ROOT, "g%07d", number);
        boolean vendor = random.nextInt(4) == 0;
        StringBuilder text = new StringBuilder();
        StringBuilder claims = new StringBuilder(HEADER);
        List<String[]> newlyContradictable = new ArrayList<>();
        Concept first = null;
        StringBuilder body = new StringBuilder();
        for (int k = 1; k <= claimCount; k++) {
            String claimId = docNumber + "-" + String.format(Locale.ROOT, "%04d", k);
            Concept subject = vocabulary.agents().draw(random);
            Concept object = vocabulary.targets().draw(random);
            String relation = RELATIONS[random.nextInt(RELATIONS.length)];
            String subjectCurie = subject.curie();
            String objectCurie = object.curie();
            String subjectLabel = subject.label();
            String objectLabel = object.label();
            String dose = null;
            double roll = random.nextDouble();
            if (roll < 0.01 && !contradictable.isEmpty()) {
                String[] other = contradictable.get(random.nextInt(contradictable.size()));
                subjectCurie = other[0];
                subjectLabel = other[1];
                objectCurie = other[2];
                objectLabel = other[3];
                relation = OPPOSITE.get(other[4]);
            } else if (roll < 0.04) {
                subject = vocabulary.agents().uniform(random);
                object = vocabulary.targets().uniform(random);
                subjectCurie = subject.curie();
                objectCurie = object.curie();
                subjectLabel = subject.label();
                objectLabel = object.label();
                relation = CONTRADICTABLE.get(random.nextInt(CONTRADICTABLE.size()));
                newlyContradictable.add(new String[] {subjectCurie, subjectLabel, objectCurie, objectLabel, relation});
            } else if (roll < 0.07 && !vocabulary.doseable().isEmpty()) {
                subject = vocabulary.doseable().get(random.nextInt(vocabulary.doseable().size()));
                subjectCurie = subject.curie();
                subjectLabel = subject.label();
                relation = "dosedAt";
                int max = new int[] {200, 300, 500, 800}[random.nextInt(4)];
                dose = "    cg:statedDose [ cg:doseOf concept:magnesium ; cg:minAmountMgPerDay " + (max / 2) + ".0 ; cg:maxAmountMgPerDay "
                        + max + ".0 ; cg:intakeScope cg:SupplementalIntake ] ;\n";
            }
            if (first == null) first = subject;

            Profile profile = Profile.draw(random);
            boolean hedged = profile.hedged(random);
            String sentence = "In note " + k + " of report " + docNumber + ", " + subjectLabel + (hedged ? " probably " : " ")
                    + VERBS.get(relation) + " " + objectLabel + (dose != null ? " in doses up to the amount stated" : "") + ".";
            body.append(sentence).append(' ');
            if (k % 3 == 0) body.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            if (k % 5 == 0) body.append("\n\n");

            GeneratedReference ref = traceable.draw(random);
            claims.append("\nclaim:").append(claimId).append(" a cg:Claim ;\n")
                    .append("    cg:subject ").append(subjectCurie).append(" ;\n")
                    .append("    cg:relation cg:").append(relation).append(" ;\n")
                    .append("    cg:object ").append(objectCurie).append(" ;\n")
                    .append("    cg:quoted ").append(literal(sentence)).append(" ;\n");
            if (dose != null) claims.append(dose);
            if (profile.proposedByIngest(k)) claims.append("    cg:status cg:Candidate ;\n");
            claims.append("    cg:hedged ").append(hedged).append(" ;\n")
                    .append(profile.grading())
                    .append("    cg:evidence ").append(profile.evidence(ref, untraceable.isEmpty() ? null
                            : untraceable.get(random.nextInt(untraceable.size())), vocabulary.untraceableReferences()))
                    .append(" .\n");
        }
        text.append("Generated article ").append(docNumber).append(" on ").append(first.label()).append("\n\n").append(body.toString().strip()).append('\n');
        String content = text.toString();
        String id = CorpusGenerator.documentId(number, content);
        Files.writeString(layout.documentsDir().resolve(id + ".txt"), content, StandardCharsets.UTF_8);
        Files.writeString(layout.documentsDir().resolve(id + ".ttl"), metadata(id, docNumber, vendor, content, random), StandardCharsets.UTF_8);
        Files.writeString(layout.claimsDir().resolve(id + ".ttl"), claims.toString(), StandardCharsets.UTF_8);
        for (String[] c : newlyContradictable) {
            if (contradictable.size() < 2000) contradictable.add(c);
            else contradictable.set(random.nextInt(contradictable.size()), c);
        }
    }

    private static String metadata(String id, String docNumber, boolean vendor, String content, SplittableRandom random) {
        String genre = vendor ? "VendorPage" : GENRES[1 + random.nextInt(GENRES.length - 1)];
        StringBuilder sb = new StringBuilder(HEADER);
        sb.append("\ndoc:").append(id).append(" a cg:SourceDocument ;\n")
                .append("    dcterms:identifier \"").append(id).append("\" ;\n")
                .append("    dcterms:title \"Generated article ").append(docNumber).append("\" ;\n")
                .append("    dcterms:publisher \"Generated publisher ").append(random.nextInt(500)).append("\" ;\n")
                .append("    dcterms:date \"").append(CorpusGenerator.date(random)).append("\"^^xsd:date ;\n")
                .append("    cg:genre cg:").append(genre).append(" ;\n")
                .append("    cg:sellsWhatItDescribes ").append(vendor).append(" ;\n");
        if (vendor) sb.append("    cg:sells concept:magnesium ;\n");
        sb.append("    cg:sha256 \"").append(Sha256.hex(content)).append("\" .\n");
        return sb.toString();
    }

    static String literal(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String[] weighted(Map<String, Integer> weights) {
        List<String> out = new ArrayList<>();
        weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> { for (int i = 0; i < e.getValue(); i++) out.add(e.getKey()); });
        return out.toArray(String[]::new);
    }

    /** How a claim is backed, and so which rules it breaks. */
    enum Profile {
        SUPPORTED(0.50), UNCITED(0.20), VAGUE(0.10), UNTRACEABLE(0.05), DISPUTED(0.08), OVERGRADED(0.07);

        private final double share;

        Profile(double share) {
            this.share = share;
        }

        static Profile draw(SplittableRandom random) {
            double u = random.nextDouble();
            for (Profile p : values()) {
                if (u < p.share) return p;
                u -= p.share;
            }
            return SUPPORTED;
        }

        boolean hedged(SplittableRandom random) {
            return switch (this) {
                case SUPPORTED -> random.nextInt(10) < 3;
                case OVERGRADED -> false;
                default -> random.nextBoolean();
            };
        }

        /**
         * Whether the claim is a candidate that ingest proposed and no curator has reviewed yet: every fourth claim
         * resting on a vague appeal (no random draw, so the rest of the corpus is as before).
         */
        boolean proposedByIngest(int claimNumber) {
            return this == VAGUE && claimNumber % 4 == 0;
        }

        /** What a curator recorded beyond the evidence: a literature review, or an override of the grade. */
        String grading() {
            String review = "    cg:review [ dcterms:date \"2026-11-30\"^^xsd:date ; cg:searched \"generated search\" ; cg:reviewResult cg:";
            return switch (this) {
                case SUPPORTED, DISPUTED -> review + "EvidenceFound ] ;\n";
                case UNCITED -> review + "NothingFound ] ;\n";
                case OVERGRADED -> "    cg:curatorGrade cg:GradeHigh ;\n"
                        + "    cg:overrideReason \"Generated: graded high by hand although nothing but the article supports it.\" ;\n";
                default -> "";
            };
        }

        String evidence(GeneratedReference ref, GeneratedReference untraceable, List<String> repoUntraceable) {
            String author = "[ a obo:ECO_0000034 ; cg:citationKind cg:Uncited ; cg:direction cg:Supports ]";
            String curator = "[ a obo:ECO_0000180 ; cg:direction cg:Supports ; cg:reference " + ref.curie()
                    + " ; cg:note \"Generated: the cited work supports the claim.\" ]";
            return switch (this) {
                case SUPPORTED -> "[ a obo:ECO_0000033 ; cg:citationKind cg:TraceableCitation ; cg:direction cg:Supports ; cg:reference "
                        + ref.curie() + " ] ,\n        " + curator;
                case UNCITED, OVERGRADED -> author;
                case VAGUE -> "[ a obo:ECO_0000034 ; cg:citationKind cg:VagueAppeal ; cg:direction cg:Supports ]";
                case UNTRACEABLE -> "[ a obo:ECO_0000034 ; cg:citationKind cg:UntraceableCitation ; cg:direction cg:Supports ; cg:reference "
                        + (untraceable != null ? untraceable.curie() : "<" + repoUntraceable.get(0) + ">") + " ]";
                case DISPUTED -> author + " ,\n        [ a obo:ECO_0000205 ; cg:direction cg:Disputes ; cg:reference " + ref.curie()
                        + " ; cg:note \"Generated: the cited work found the opposite.\" ]";
            };
        }
    }
}
