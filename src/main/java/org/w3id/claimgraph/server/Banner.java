package org.w3id.claimgraph.server;

import java.util.Locale;
import java.util.Map;

/** What the server prints when it starts: what it serves, and where. */
public final class Banner {
    private Banner() {}

    public static String text(ClaimServer server, DatasetSummary size, String source) {
        return text(server, size, source, Map.of());
    }

    /** The banner with more labelled lines, for what the caller added to the server. */
    public static String text(ClaimServer server, DatasetSummary size, String source, Map<String, String> more) {
        StringBuilder sb = new StringBuilder();
        String graphs = size.graphs() < 0 ? "" : String.format(Locale.ROOT, " in %d graphs", size.graphs());
        sb.append(String.format(Locale.ROOT, "claimgraph serving %,d triples%s (%,d claims, %,d documents) from %s at %s%n",
                size.triples(), graphs, size.claims(), size.documents(), source, server.sparqlUrl()));
        line(sb, "SPARQL query", server.sparqlUrl() + "  (also " + ClaimServer.DATASET + "/query; GET or POST)");
        if (server.graphStoreEnabled()) {
            line(sb, "Graph Store (read)", server.graphStoreUrl() + "?graph=<iri>  or  ?default (the union of all graphs)");
        } else {
            line(sb, "Graph Store", "none (the store behind the endpoint keeps one default graph, not the named graphs)");
        }
        line(sb, "SPARQL editor", server.editorUrl());
        if (server.updatesEnabled()) {
            line(sb, "Updates (login)", server.url() + "kg/update  and  " + server.url() + "kg/data?graph=<iri>  (checked against the SHACL shapes)");
        } else {
            line(sb, "Updates", "none (read-only; --update-users FILE enables them)");
        }
        more.forEach((label, value) -> line(sb, label, value));
        line(sb, "Health", server.url() + "$/ping");
        sb.append(String.format(Locale.ROOT, "Queries time out after %s. Ctrl-C stops the server.%n", human(server)));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-20s %s%n", label, value));
    }

    private static String human(ClaimServer server) {
        long ms = server.queryTimeout().toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
