package org.w3id.claimgraph.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.Sha256;
import org.w3id.claimgraph.project.CG;

/**
 * Writes a deterministic synthetic corpus in the curation format of seeds/: a complete project home
 * (ontology/ and queries/ copied from the repository, the repository's concepts, its references plus
 * generated ones, and generated documents with their claims). The same claim count and seed always give
 * byte-identical files. The corpus has the shape real curation has: concept and reference popularity is
 * skewed, evidence types and grades are mixed as in the seeds, and a share of the claims breaks each
 * validation rule. The corpus is written next to {@code out} and renamed into place when complete.
 */
public final class CorpusGenerator {
    static final String CONCEPT = CG.ID + "concept/";
    static final String REFERENCE = CG.ID + "reference/";

    private final ProjectLayout repository;
    private final long claims;
    private final long seed;

    public CorpusGenerator(ProjectLayout repository, long claims, long seed) {
        if (claims < 1) throw new InputException("--claims must be at least 1");
        this.repository = repository;
        this.claims = claims;
        this.seed = seed;
    }

    /** What was written. */
    public record Corpus(Path home, long claims, int documents, int references) {}

    public Corpus writeTo(Path out) {
        repository.requireExists();
        if (!Files.isDirectory(repository.conceptsDir()) || !Files.isRegularFile(repository.referencesFile())) {
            throw new InputException("no seeds/concepts/ or seeds/references.ttl under " + repository.home()
                    + " to draw the corpus's concepts and references from");
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new InputException(out + ": exists and is not empty; choose a new directory");
                }
            } catch (IOException e) {
                throw new InputException(out + ": cannot list: " + e.getMessage(), e);
            }
        }
        Path fresh = target.resolveSibling("." + target.getFileName() + ".generating-" + seed + "-" + ProcessHandle.current().pid());
        try {
            deleteTree(fresh);
            Corpus corpus = write(fresh);
            if (Files.exists(target)) Files.delete(target);
            Files.createDirectories(target.getParent());
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            return new Corpus(target, corpus.claims(), corpus.documents(), corpus.references());
        } catch (IOException e) {
            throw new InputException(out + ": cannot write the corpus: " + e.getMessage(), e);
        } finally {
            deleteTree(fresh);
        }
    }

    private Corpus write(Path home) throws IOException {
        ProjectLayout layout = new ProjectLayout(home);
        copyTree(repository.ontologyDir(), layout.ontologyDir());
        copyTree(repository.queriesDir(), layout.queriesDir());
        copyTree(repository.conceptsDir(), layout.conceptsDir());
        Files.createDirectories(layout.documentsDir());
        Files.createDirectories(layout.claimsDir());

        Vocabulary vocabulary = Vocabulary.read(repository);
        SplittableRandom random = new SplittableRandom(seed);
        List<GeneratedReference> references = GeneratedReference.generate(claims, random.split());
        Files.writeString(layout.referencesFile(),
                Files.readString(repository.referencesFile(), StandardCharsets.UTF_8) + GeneratedReference.turtle(references),
                StandardCharsets.UTF_8);

        ClaimWriter writer = new ClaimWriter(vocabulary, references);
        int document = 0;
        long written = 0;
        while (written < claims) {
            document++;
            SplittableRandom docRandom = new SplittableRandom(seed * 1_000_003L + document);
            int count = (int) Math.min(claims - written, 10 + docRandom.nextInt(41));
            writer.writeDocument(layout, document, count, docRandom);
            written += count;
        }
        return new Corpus(home, written, document, references.size());
    }

    /** The concepts and references the generated claims use, read from the repository's seeds. */
    record Vocabulary(Zipf<Concept> agents, Zipf<Concept> targets, List<Concept> doseable, List<String> untraceableReferences) {
        static Vocabulary read(ProjectLayout repository) {
            List<Concept> agents = new ArrayList<>();
            List<Concept> targets = new ArrayList<>();
            List<Concept> doseable = new ArrayList<>();
            TreeMap<String, Concept> all = new TreeMap<>();
            try (Stream<Path> files = Files.list(repository.conceptsDir())) {
                for (Path file : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                    Graph g = RDFDataMgr.loadGraph(file.toString());
                    g.find(Node.ANY, SKOS.prefLabel.asNode(), Node.ANY).forEachRemaining(t -> {
                        if (!t.getSubject().isURI() || !"en".equals(t.getObject().getLiteralLanguage())) return;
                        List<String> types = g.find(t.getSubject(), RDF.type.asNode(), Node.ANY)
                                .mapWith(x -> x.getObject().getLocalName()).toList();
                        all.put(t.getSubject().getURI(), new Concept(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm(), types));
                    });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Concept c : all.values()) {
                if (c.types().contains("Outcome") || c.types().contains("Mechanism")) targets.add(c);
                else agents.add(c);
                if (c.types().contains("Mineral") || c.types().contains("Form")) doseable.add(c);
            }
            // The minerals lead the popularity ranking, as they do in every real corpus on the topic.
            agents.sort(Comparator.comparing((Concept c) -> !c.types().contains("Mineral")).thenComparing(Concept::iri));
            Graph refs = RDFDataMgr.loadGraph(repository.referencesFile().toString());
            List<String> untraceable = refs.find(Node.ANY, CG.cg("traceable"), NodeFactory.createLiteralByValue(false))
                    .mapWith(t -> t.getSubject().getURI()).toList().stream().sorted().toList();
            return new Vocabulary(new Zipf<>(agents, 1.1), new Zipf<>(targets, 1.0),
                    doseable.stream().filter(c -> c.iri().equals(CONCEPT + "magnesium") || c.label().startsWith("magnesium")).toList(),
                    untraceable);
        }
    }

    record Concept(String iri, String label, List<String> types) {
        String curie() {
            return "concept:" + iri.substring(CONCEPT.length());
        }
    }

    static String documentId(int number, String text) {
        return String.format(Locale.ROOT, "g%07d", number) + "_"
                + Sha256.hex(text).substring(0, 16);
    }

    static LocalDate date(SplittableRandom random) {
        return LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
    }

    public static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: the leftover is named after what made it.
        }
    }
}
