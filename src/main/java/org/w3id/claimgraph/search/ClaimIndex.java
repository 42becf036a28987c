package org.w3id.claimgraph.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Symbol;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * The claim list's index: one Lucene document per claim, with each facet value of queries/explorer/facets.rq as a
 * Lucene facet (the facet module's sorted-set doc values), the sort keys as doc values and the searchable text
 * (quotes, labels, synonyms: queries/search/claim-text.rq) as a text field. A page of claims, sorted, filtered
 * and searched, with the count of each facet's values among the claims that pass the other filters (Lucene's
 * drill-sideways), is answered from it without a scan of the claims in SPARQL.
 */
public final class ClaimIndex implements AutoCloseable {
    /** The index's directory inside a TDB2 database directory. */
    public static final String DIRECTORY = "claim-index";
    /** Where a dataset's claim index is kept in its context. */
    public static final Symbol CONTEXT_KEY = Symbol.create("https://w3id.org/claimgraph/ontology#claimIndex");

    private static final String CLAIM = "claim";
    private static final String TEXT = "text";
    private static final String RANK_KEY = "rank";
    private static final String DOCUMENT_KEY = "document";
    private static final String SUBJECT_KEY = "subject";
    private static final Pattern SECTION = Pattern.compile("^# facet: (\\w+)\\s*$", Pattern.MULTILINE);

    /** How the claims of a page are ordered, as the explorer offers it. */
    public enum Order {
        RELEVANCE, ID, GRADE_DESC, GRADE_ASC, DOCUMENT, SUBJECT;

        Sort sort() {
            SortField id = new SortField(CLAIM, SortField.Type.STRING);
            return switch (this) {
                case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
                case ID -> new Sort(id);
                case GRADE_DESC -> new Sort(new SortField(RANK_KEY, SortField.Type.LONG, true), id);
                case GRADE_ASC -> new Sort(new SortField(RANK_KEY, SortField.Type.LONG), id);
                case DOCUMENT -> new Sort(new SortField(DOCUMENT_KEY, SortField.Type.STRING), id);
                case SUBJECT -> new Sort(new SortField(SUBJECT_KEY, SortField.Type.STRING), id);
            };
        }
    }

    /**
     * One page of claims, how many pass in all, and each facet's values with their counts: the
     * {@value #FACET_VALUES} with the most claims (and a value filtered by), most claims first; {@code values} says
     * how many values each facet has among the claims counted.
     */
    public record Page(long total, List<String> claims, Map<String, Map<String, Integer>> facets, Map<String, Integer> values) {}

    /**
     * How many values of one facet a page lists at most: a million claims have tens of thousands of documents,
     * which no list of filters can show.
     */
    public static final int FACET_VALUES = 100;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState state;
    private final FacetsConfig config;
    private final List<String> facetNames;
    private final Analyzer analyzer = new StandardAnalyzer();

    private ClaimIndex(Directory directory, List<String> facetNames) throws IOException {
        this.directory = directory;
        this.facetNames = List.copyOf(facetNames);
        this.config = config(facetNames);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.state = new DefaultSortedSetDocValuesReaderState(reader, config);
    }

    /** The facets' names, in the order of facets.rq. */
    public List<String> facetNames() {
        return facetNames;
    }

    /**
     * The claims that have every facet value of {@code filters} (facet name to value: an IRI or a literal's text)
     * and every word of {@code words} (none: no search), ordered by {@code order}, from {@code offset}, at most
     * {@code limit}; with the counts of each facet's values among the claims that pass the other filters.
     */
    public Page page(Map<String, String> filters, String words, Order order, int offset, int limit) {
        return page(filters, words, order, offset, limit, FACET_VALUES);
    }

    /** As {@link #page(Map, String, Order, int, int)}, each facet listing at most {@code facetValues} values. */
    public Page page(Map<String, String> filters, String words, Order order, int offset, int limit, int facetValues) {
        try {
            DrillDownQuery query = new DrillDownQuery(config, textQuery(words));
            filters.forEach((facet, value) -> {
                if (!facetNames.contains(facet)) throw new IllegalArgumentException("no facet " + facet);
                query.add(facet, value);
            });
            DrillSideways sideways = new DrillSideways(searcher, config, state);
            DrillSideways.DrillSidewaysResult result = sideways.search(query, null, null, Math.max(1, offset + limit), order.sort(), order == Order.RELEVANCE);
            TopDocs hits = result.hits;
            List<String> claims = new ArrayList<>();
            ScoreDoc[] docs = hits.scoreDocs;
            for (int i = offset; i < docs.length && i < offset + limit; i++) {
                claims.add(searcher.storedFields().document(docs[i].doc).get(CLAIM));
            }
            Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
            Map<String, Integer> values = new LinkedHashMap<>();
            for (String facet : facetNames) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                FacetResult r = valueCount(facet) > 0 ? result.facets.getTopChildren(facetValues, facet) : null;
                if (r != null) for (LabelAndValue lv : r.labelValues) counts.put(lv.label, lv.value.intValue());
                String selected = filters.get(facet);
                if (selected != null && !counts.containsKey(selected)) {
                    Number count = result.facets.getSpecificValue(facet, selected);
                    if (count != null && count.intValue() > 0) counts.put(selected, count.intValue());
                }
                facets.put(facet, counts);
                values.put(facet, r == null ? 0 : r.childCount);
            }
            return new Page(hits.totalHits.value, claims, facets, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many values {@code facet} has in the index (0 when no claim has one). */
    private int valueCount(String facet) {
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(facet);
        return range == null ? 0 : range.end - range.start + 1;
    }

    private org.apache.lucene.search.Query textQuery(String words) throws IOException {
        if (words == null || words.isBlank()) return new MatchAllDocsQuery();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        try (TokenStream tokens = analyzer.tokenStream(TEXT, words)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                all.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.MUST);
                any = true;
            }
            tokens.end();
        }
        return any ? all.build() : new MatchNoDocsQuery();
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claim index attached to {@code dsg}, or null. */
    public static ClaimIndex of(DatasetGraph dsg) {
        return dsg.getContext().get(CONTEXT_KEY) instanceof ClaimIndex index ? index : null;
    }

    /**
     * Indexes every claim of {@code dsg} into {@code directory} (empty) and opens the index: the facets are the
     * sections of queries/explorer/facets.rq that bind ?value to one of the claim's values, the text and sort keys
     * come from the queries of queries/search/.
     */
    static ClaimIndex build(DatasetGraph dsg, ProjectLayout layout, Directory directory) {
        Map<String, String> sections = facetSections(layout);
        List<String> names = new ArrayList<>(sections.keySet());
        FacetsConfig config = config(names);
        Map<String, Document> docs = new LinkedHashMap<>();
        select(dsg, read(layout, layout.queriesDir().resolve("search/claim-sort-keys.rq")), row -> {
            Document doc = new Document();
            String claim = row.get("claim").getURI();
            doc.add(new StringField(CLAIM, claim, Field.Store.YES));
            doc.add(new SortedDocValuesField(CLAIM, new BytesRef(claim)));
            doc.add(new NumericDocValuesField(RANK_KEY, row.get("rank").getLiteralValue() instanceof Number n ? n.longValue() : 0));
            doc.add(new SortedDocValuesField(DOCUMENT_KEY, new BytesRef(text(row.get("document")))));
            doc.add(new SortedDocValuesField(SUBJECT_KEY, new BytesRef(text(row.get("sortSubject")))));
            docs.putIfAbsent(claim, doc);
        });
        select(dsg, read(layout, layout.queriesDir().resolve("search/claim-text.rq")), row -> {
            Document doc = docs.get(row.get("claim").getURI());
            if (doc != null) doc.add(new TextField(TEXT, text(row.get("text")), Field.Store.NO));
        });
        String prologue = prologue(layout);
        sections.forEach((name, section) -> select(dsg, QueryFactory.create(prologue + "SELECT DISTINCT ?claim ?value WHERE {\n" + section + "\n}"), row -> {
            Document doc = docs.get(row.get("claim").getURI());
            if (doc != null) doc.add(new SortedSetDocValuesFacetField(name, text(row.get("value"))));
        }));
        // CREATE: an index built again replaces the one in the directory in one commit.
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (Document doc : docs.values()) writer.addDocument(config.build(doc));
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new ClaimIndex(directory, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the index of {@code dsg} in memory and attaches it to it (a dataset in memory). */
    static void buildInMemory(DatasetGraph dsg, ProjectLayout layout) {
        attach(dsg, build(dsg, layout, new ByteBuffersDirectory()));
    }

    /** Builds the index of {@code dsg} into {@code dir} (inside a TDB2 database directory) and closes it. */
    static void buildInto(DatasetGraph dsg, ProjectLayout layout, Path dir) throws IOException {
        buildAt(dsg, layout, dir).close();
    }

    /**
     * Builds the index of {@code dsg} again into {@code dir}, where its index is (a TDB2 database directory's), and
     * attaches the new one in place of the one attached.
     */
    static void rebuildAt(DatasetGraph dsg, ProjectLayout layout, Path dir) throws IOException {
        attach(dsg, buildAt(dsg, layout, dir));
    }

    /** Builds the index of {@code dsg} into {@code dir}, with the facets' names beside it ({@link #open} reads them). */
    private static ClaimIndex buildAt(DatasetGraph dsg, ProjectLayout layout, Path dir) throws IOException {
        Files.createDirectories(dir);
        ClaimIndex index = build(dsg, layout, FSDirectory.open(dir));
        Files.writeString(dir.resolve("facets.txt"), String.join("\n", index.facetNames()) + "\n");
        return index;
    }

    /** Opens the index at {@code dir}, if there is one, and attaches it to {@code dsg}. */
    static void open(DatasetGraph dsg, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        List<String> names = Files.readAllLines(dir.resolve("facets.txt")).stream().filter(l -> !l.isBlank()).toList();
        attach(dsg, new ClaimIndex(FSDirectory.open(dir), names));
    }

    /** Closes the index attached to {@code dsg}, if any. */
    static void close(DatasetGraph dsg) {
        ClaimIndex index = of(dsg);
        if (index != null) {
            dsg.getContext().remove(CONTEXT_KEY);
            index.close();
        }
    }

    private static void attach(DatasetGraph dsg, ClaimIndex index) {
        close(dsg);
        dsg.getContext().set(CONTEXT_KEY, index);
    }

    private static FacetsConfig config(List<String> names) {
        FacetsConfig config = new FacetsConfig();
        for (String name : names) config.setMultiValued(name, true);
        return config;
    }

    private static String text(Node node) {
        if (node == null) return "";
        return node.isURI() ? node.getURI() : node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static void select(DatasetGraph dsg, Query query, java.util.function.Consumer<org.apache.jena.sparql.engine.binding.Binding> each) {
        // Over the union of the named graphs: a claim's summaries are in another graph than the claim.
        try (QueryExec exec = QueryExec.graph(dsg.getUnionGraph()).query(query).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(each);
        }
    }

    private static Query read(ProjectLayout layout, Path file) {
        try {
            return QueryFactory.create(Files.readString(file));
        } catch (IOException | org.apache.jena.query.QueryParseException e) {
            throw new InputException(layout.display(file) + ": cannot read the query: " + e.getMessage(), e);
        }
    }

    /** The section of facets.rq that filters by a search: the index answers searches from its own text field. */
    static final String SEARCH_SECTION = "text";

    /** The facet sections of facets.rq whose pattern binds ?value to a value of the claim (all but the search). */
    static Map<String, String> facetSections(ProjectLayout layout) {
        String text = facetsFile(layout);
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            String body = text.substring(starts.get(i)[1], i + 1 < names.size() ? starts.get(i + 1)[0] : text.length());
            if (!names.get(i).equals(SEARCH_SECTION)) sections.put(names.get(i), body);
        }
        return sections;
    }

    private static String prologue(ProjectLayout layout) {
        String text = facetsFile(layout);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) if (line.startsWith("PREFIX")) out.append(line).append('\n');
        return out.toString();
    }

    private static String facetsFile(ProjectLayout layout) {
        Path file = layout.queriesDir().resolve("explorer/facets.rq");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException(layout.display(file) + ": cannot read: " + e.getMessage(), e);
        }
    }
}
