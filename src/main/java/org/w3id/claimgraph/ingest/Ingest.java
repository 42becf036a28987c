package org.w3id.claimgraph.ingest;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.claimgraph.project.Sha256;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.build.SourceText;

/**
 * Ingests an article into a project home: reads it ({@link ArticleReader}), refuses a text the home already
 * has, gives it the next document id (number and the start of the text's SHA-256, as the seeds are named),
 * runs the pipeline and writes, all or nothing, the text byte for byte, its metadata with the SHA-256, its
 * candidate claims and any reference nodes its citations need (appended to seeds/references.ttl).
 */
public final class Ingest {
    private static final String GENRE_SCHEME = Lexicon.CG + "GenreScheme";
    private static final String DEFAULT_GENRE = "health-news";
    private static final String NOTATION = "notation ";

    private final ProjectLayout layout;
    private final Lexicon lexicon;
    private final ConceptIndex concepts;
    private final Map<String, String> genres;

    /** How the article is described; null fields are left out or defaulted. */
    public record Options(String title, String publisher, String genre, String url, LocalDate published) {}

    /** What an ingest wrote. */
    public record Outcome(String documentId, Path textFile, Path metadataFile, Path claimsFile, Article article,
                          String genre, boolean genreDefaulted, IngestPipeline.Result result) {}

    public Ingest(ProjectLayout layout) {
        this.layout = layout.requireExists();
        this.lexicon = Lexicon.load(lexiconDir(layout));
        this.concepts = ConceptIndex.load(layout.conceptsDir());
        this.genres = genres(layout);
    }

    public static Path lexiconDir(ProjectLayout layout) {
        return layout.ontologyDir().resolve("lexicon");
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public ConceptIndex concepts() {
        return concepts;
    }

    private IngestPipeline pipeline;

    /**
     * The pipeline for this home, reusing the home's references by DOI and PMID; kept between ingests until
     * one adds references. Like the pipeline, an Ingest serves one thread.
     */
    public IngestPipeline pipeline() {
        if (pipeline == null) pipeline = new IngestPipeline(lexicon, concepts, knownReferences());
        return pipeline;
    }

    public Outcome ingest(Path file, Options options) {
        String genre = genre(options.genre());
        if (options.url() != null && !options.url().matches("(?i)https?://\\S+")) {
            throw new InputException("--url " + options.url() + ": not an http(s) URL");
        }
        Article article = ArticleReader.read(file);
        byte[] bytes = article.text().getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(bytes);
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"),
                "claimgraph-ingest-" + Sha256.hex(layout.home().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            String existing = existingDocument(sha);
            if (existing != null) {
                throw new InputException(file + ": this text is already in the project as document " + existing + " ("
                        + layout.display(layout.documentsDir().resolve(existing + ".txt")) + "); nothing was written");
            }
            String number = nextNumber();
            String id = number + "_" + sha.substring(0, 16);
            IngestPipeline.Result result = pipeline().run(number, article.text());
            String title = options.title() != null ? options.title() : article.pageTitle() != null ? article.pageTitle() : firstLine(article.text());
            DocumentMetadata metadata = new DocumentMetadata(id, title, options.publisher(), options.published(), options.url(),
                    genre, false, sha);
            Path textFile = layout.documentsDir().resolve(id + ".txt");
            Path metadataFile = layout.documentsDir().resolve(id + ".ttl");
            Path claimsFile = layout.claimsDir().resolve(id + ".ttl");
            String source = file.getFileName().toString();
            FileTransaction tx = new FileTransaction()
                    .create(textFile, bytes)
                    .create(metadataFile, CompactClaimWriter.metadataFile(
                            "Written by ./claimgraph ingest from " + source + " (" + article.format() + ").\n"
                                    + (options.genre() == null ? "The genre was not given and is the default (" + DEFAULT_GENRE + "); check it.\n" : "")
                                    + "Commercial interest was not assessed: cg:sellsWhatItDescribes stays false until a curator checks it.",
                            metadata).getBytes(StandardCharsets.UTF_8))
                    .create(claimsFile, CompactClaimWriter.claimsFile(
                            "Candidate claims found by ./claimgraph ingest in documents/" + id + ".txt (from " + source + ").\n"
                                    + "Not reviewed: each is cg:status cg:Candidate (the build grades a candidate very low)\n"
                                    + "until a curator accepts, corrects or rejects it. Compact format: see seeds/README.md.",
                            result.candidates()).getBytes(StandardCharsets.UTF_8));
            if (!result.references().isEmpty()) {
                Path refs = layout.referencesFile();
                byte[] old = Files.exists(refs) ? Files.readAllBytes(refs) : new byte[0];
                String block = CompactClaimWriter.referencesBlock("References added by ./claimgraph ingest of document " + id
                        + " (not yet checked by a curator)", result.references());
                byte[] joined = (new String(old, StandardCharsets.UTF_8) + block).getBytes(StandardCharsets.UTF_8);
                tx.replace(refs, joined);
            }
            tx.commit();
            if (!result.references().isEmpty()) pipeline = null;
            return new Outcome(id, textFile, metadataFile, claimsFile, article, genre, options.genre() == null, result);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write into " + layout.home() + ": " + e.getMessage() + "; nothing was written", e);
        }
    }

    /** The id of a document of the home with the same SHA-256, or null. */
    String existingDocument(String sha) throws IOException {
        if (!Files.isDirectory(layout.documentsDir())) return null;
        String suffix = "_" + sha.substring(0, 16) + ".txt";
        try (Stream<Path> files = Files.list(layout.documentsDir())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                if (Sha256.hex(Files.readAllBytes(f)).equals(sha)) {
                    String name = f.getFileName().toString();
                    return name.substring(0, name.length() - 4);
                }
            }
        }
        return null;
    }

    /** One more than the highest document number of the home, three digits at least. */
    String nextNumber() throws IOException {
        int highest = -1;
        for (Path dir : List.of(layout.documentsDir(), layout.claimsDir())) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    int underscore = name.indexOf('_');
                    if (underscore > 0 && name.substring(0, underscore).chars().allMatch(Character::isDigit)) {
                        highest = Math.max(highest, Integer.parseInt(name.substring(0, underscore)));
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "%03d", highest + 1);
    }

    private Map<String, String> knownReferences() {
        Map<String, String> known = new HashMap<>();
        Path refs = layout.referencesFile();
        if (!Files.isRegularFile(refs)) return known;
        Graph g;
        try {
            g = RDFDataMgr.loadGraph(refs.toString());
        } catch (RiotException e) {
            throw new InputException(layout.display(refs) + ": cannot read: " + e.getMessage(), e);
        }
        for (String property : List.of(Lexicon.CG + "doi", Lexicon.CG + "pmid")) {
            for (Triple t : g.find(Node.ANY, NodeFactory.createURI(property), Node.ANY).toList()) {
                if (t.getSubject().isURI() && t.getObject().isLiteral()) {
                    known.put(IngestPipeline.identifierKey(property, t.getObject().getLiteralLexicalForm()), t.getSubject().getURI());
                }
            }
        }
        return known;
    }

    /** The genres of the home's vocabularies by notation and local name. */
    private static Map<String, String> genres(ProjectLayout layout) {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> files = Files.list(layout.ontologyDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                Graph g = RDFDataMgr.loadGraph(f.toString());
                for (Triple t : g.find(Node.ANY, SKOS.inScheme.asNode(), NodeFactory.createURI(GENRE_SCHEME)).toList()) {
                    String iri = t.getSubject().getURI();
                    out.put(t.getSubject().getLocalName().toLowerCase(Locale.ROOT), iri);
                    out.put(("cg:" + t.getSubject().getLocalName()).toLowerCase(Locale.ROOT), iri);
                    g.find(t.getSubject(), SKOS.notation.asNode(), Node.ANY).forEachRemaining(n -> {
                        out.put(n.getObject().getLiteralLexicalForm().toLowerCase(Locale.ROOT), iri);
                        out.put(NOTATION + n.getObject().getLiteralLexicalForm(), iri);
                    });
                }
            }
        } catch (IOException | RiotException e) {
            throw new InputException(layout.display(layout.ontologyDir()) + ": cannot read the genres: " + e.getMessage(), e);
        }
        return out;
    }

    private String genre(String given) {
        String key = (given == null ? DEFAULT_GENRE : given).toLowerCase(Locale.ROOT);
        String iri = genres.get(key);
        if (iri == null) {
            throw new InputException("--genre " + given + ": unknown genre; use one of "
                    + String.join(", ", genres.keySet().stream().filter(k -> k.startsWith(NOTATION)).map(k -> k.substring(NOTATION.length())).sorted().toList()));
        }
        return iri;
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n")) {
            String s = line.replace("\uFEFF", "").strip();
            if (!s.isEmpty()) return s.length() > 200 ? s.substring(0, 197) + "..." : s;
        }
        return "Untitled";
    }
}
