package org.w3id.claimgraph.explore;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.QueryTarget;
import org.w3id.claimgraph.server.ClaimServer;

/**
 * Mounts the explorer on a {@link ClaimServer}: the pages at {@code /} (and {@code /claims}, {@code /matrix},
 * ...), their scripts at {@code /explorer/*}, every graph IRI at {@code /id/*} with content negotiation, and
 * the validation findings at {@code /api/findings}. The pages read everything else from {@code /kg/sparql}
 * and {@code /api/queries}.
 * <pre>
 * ClaimServer.Builder b = ClaimServer.builder().dataset(dsg);
 * Explorer.install(b, QueryTarget.dataset(dsg, "seed"), library);
 * </pre>
 */
public final class Explorer {
    private Explorer() {}

    public static ClaimServer.Builder install(ClaimServer.Builder server, QueryTarget target, QueryLibrary library) {
        return install(server, target, library, ClaimFindings.fromNamedQuery(library, target));
    }

    /** With the claim pages' findings from the given source (the validation engine, when it can reach the data). */
    public static ClaimServer.Builder install(ClaimServer.Builder server, QueryTarget target, QueryLibrary library,
                                              ClaimFindings findings) {
        ExplorerPages pages = new ExplorerPages();
        server.addServlet("", pages);
        for (String view : ExplorerPages.VIEWS) server.addServlet(view, pages);
        server.addServlet(ExplorerPages.ASSETS + "/*", pages);
        server.addServlet(ResourcePages.PATH + "/*", new ResourcePages(target, pages));
        server.addServlet(FindingsServlet.PATH, new FindingsServlet(findings));
        server.corsPath(FindingsServlet.PATH);
        return server;
    }

    /** Same, for a dataset served in this process. */
    public static ClaimServer.Builder install(ClaimServer.Builder server, DatasetGraph dataset, QueryLibrary library) {
        return install(server, QueryTarget.dataset(dataset, "served dataset"), library);
    }
}
