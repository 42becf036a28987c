package org.w3id.claimgraph.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.Prefixes;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;

/** One page of the explorer the benchmark times: a name for the report and its address on the server. */
record ExplorerPage(String name, String path) {
    /** The query that picks the values the pages' addresses carry. */
    static final String QUERY = "bench/explorer-pages.rq";

    /**
     * Every kind of explorer page, with values from the database (queries/bench/explorer-pages.rq): home, the claim
     * list unfiltered, filtered by one facet and by two, a search, a claim, a document, a concept, the matrix, and
     * the documents and concepts indexes.
     */
    static List<ExplorerPage> choose(GraphSource source, ProjectLayout layout) {
        Query query = NamedQuery.read(layout.queriesDir().resolve(QUERY)).parse();
        Binding row = source.stream(query, null, (RowSet rows) -> rows.hasNext() ? rows.next().detach() : null);
        if (row == null) {
            throw new InputException(source.description() + ": " + layout.display(layout.queriesDir().resolve(QUERY))
                    + " found nothing to open in the explorer (no claims, or no facet totals: was it made by load?)");
        }
        String grade = "grade=" + queryValue(compact(value(row, "grade")));
        String form = "form=" + queryValue(compact(value(row, "form")));
        return List.of(
                new ExplorerPage("home", "/"),
                new ExplorerPage("claims", "/claims"),
                new ExplorerPage("claims, 1 filter", "/claims?" + grade),
                new ExplorerPage("claims, 2 filters", "/claims?" + grade + "&" + form),
                new ExplorerPage("search", "/claims?q=" + queryValue(value(row, "word"))),
                new ExplorerPage("claim", localPath(value(row, "claim"))),
                new ExplorerPage("document", localPath(value(row, "document"))),
                new ExplorerPage("concept", localPath(value(row, "mineral"))),
                new ExplorerPage("matrix", "/matrix"),
                new ExplorerPage("documents", "/documents"),
                new ExplorerPage("concepts", "/concepts"));
    }

    private static String value(Binding row, String name) {
        var node = row.get(name);
        if (node == null) throw new InputException(QUERY + " bound no ?" + name);
        return node.isURI() ? node.getURI() : node.getLiteralLexicalForm();
    }

    /** A graph IRI as the explorer addresses it, /id/...; the IRI itself when it is not one of the graph's. */
    private static String localPath(String iri) {
        return iri.startsWith(CG.ID) ? "/id/" + iri.substring(CG.ID.length()) : iri;
    }

    /** An IRI in the short form the explorer's own links use (cg:GradeLow, concept:magnesium-glycinate). */
    private static String compact(String iri) {
        return Prefixes.standard().shortForm(iri);
    }

    /** A query-string value, its colons kept as they are (RFC 3986 allows them there) so that the report reads well. */
    private static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3A", ":");
    }
}
