package org.w3id.claimgraph.explore;

import java.nio.file.Path;

import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.search.ClaimIndex;
import org.w3id.claimgraph.server.ClaimServer;

/**
 * Mounts the explorer on a {@link ClaimServer}: the pages at {@code /} (and {@code /claims}, {@code /matrix},
 * ...), their scripts at {@code /explorer/*}, every graph IRI at {@code /id/*} with content negotiation, and
 * the validation findings at {@code /api/findings}; with update users, the review of candidates at {@code /review}. The pages read everything else from {@code /kg/sparql}
 * and {@code /api/queries}.
 * <pre>
 * GraphSource source = GraphSource.of(dsg, "seed graph");
 * Explorer.install(ClaimServer.builder().dataset(dsg), layout, source, ClaimFindings.fromValidator(Validator.load(layout), source));
 * </pre>
 */
public final class Explorer {
    private Explorer() {}

    /**
     * The explorer over {@code source}, its queries from the project's queries/explorer/, the claim pages' findings
     * from {@code findings}.
     */
    public static ClaimServer.Builder install(ClaimServer.Builder server, ProjectLayout layout, GraphSource source,
                                              ClaimFindings findings) {
        Path queries = layout.queriesDir().resolve("explorer");
        ExplorerPages pages = new ExplorerPages(queries);
        server.addServlet("", pages);
        for (String view : ExplorerPages.VIEWS) server.addServlet(view, pages);
        // The review page writes (through the server's checked /kg/update): offered only when writes are.
        if (server.acceptsUpdates()) server.addServlet(ExplorerPages.REVIEW, pages);
        server.addServlet(ExplorerPages.ASSETS + "/*", pages);
        server.addServlet(ResourcePages.PATH + "/*", new ResourcePages(source, pages, NamedQuery.read(queries.resolve("describe.rq"))));
        server.corsPath(ResourcePages.PATH + "/*");
        server.addServlet(FindingsServlet.PATH, new FindingsServlet(findings));
        server.corsPath(FindingsServlet.PATH);
        server.addServlet(ClaimIndexServlet.PATH, new ClaimIndexServlet(() -> source.dataset().map(ClaimIndex::of).orElse(null)));
        server.corsPath(ClaimIndexServlet.PATH);
        return server;
    }
}
