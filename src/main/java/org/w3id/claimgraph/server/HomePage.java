package org.w3id.claimgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page at {@code /}: what the server offers and a link into the SPARQL editor with a first query and
 * every prefix of the graph already declared. The page and the query are resources next to this class.
 */
final class HomePage extends HttpServlet {
    private final String template;
    private final String editorLink;
    private final String timeout;
    private final boolean updates;

    HomePage(Map<String, String> prefixes, Duration queryTimeout, boolean updates) {
        this.template = resource("home.html");
        this.editorLink = EditorUi.PATH.substring(1) + "#/dataset" + ClaimServer.DATASET + "/query?query="
                + URLEncoder.encode(starterQuery(prefixes), StandardCharsets.UTF_8).replace("+", "%20");
        this.timeout = queryTimeout.toSeconds() + " s";
        this.updates = updates;
    }

    /** The editor's first query: every prefix of the graph, then the starter query. */
    static String starterQuery(Map<String, String> prefixes) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(prefixes).forEach((p, uri) -> sb.append("PREFIX ").append(p).append(": <").append(uri).append(">\n"));
        return sb.append('\n').append(resource("starter.rq")).toString();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = html(request.getRequestURL().toString());
        if (!base.endsWith("/")) base += "/";
        String updateRow = updates
                ? "<tr><td>Updates (login)</td><td><code>" + base + "kg/update</code> (SPARQL Update), <code>" + base
                        + "kg/data?graph=&lt;iri&gt;</code> (Graph Store); checked against the SHACL shapes</td></tr>"
                : "<tr><td>Updates</td><td>none: this server is read-only</td></tr>";
        String page = template.replace("{{base}}", base).replace("{{editor}}", editorLink)
                .replace("{{timeout}}", timeout).replace("{{updates}}", updateRow);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(page);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HomePage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
