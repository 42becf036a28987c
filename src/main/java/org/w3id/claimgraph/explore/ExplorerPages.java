package org.w3id.claimgraph.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The explorer's single page shell (for every view path), its static files from the class path ({@code explorer/}
 * in the jar) and its SPARQL queries with their manifest from the project ({@code queries/explorer/}, at
 * {@code /explorer/queries/}). The shell routes on {@code location.pathname}, so every view has a real, shareable
 * URL; the files are plain ES modules, CSS and SPARQL with no build step.
 */
final class ExplorerPages extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ASSETS = "/explorer";
    /** The top-level views besides {@code /}; the pages of graph resources live under {@code /id/}. */
    static final List<String> VIEWS = List.of("/claims", "/documents", "/concepts", "/matrix", "/query");
    /** The review of candidates, a view only a server that accepts writes has. */
    static final String REVIEW = "/review";
    private static final String ROOT = "explorer/";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[a-z]+");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript", "css", "text/css", "rq", "application/sparql-query", "ru", "application/sparql-update", "html", "text/html",
            "svg", "image/svg+xml", "json", "application/json", "txt", "text/plain");

    private static final String QUERIES = "queries/";

    private final byte[] shell = read("index.html");
    private final transient Path queries;

    /** @param queries the directory of the explorer's queries (queries/explorer/ of the project) */
    ExplorerPages(Path queries) {
        this.queries = queries;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (ASSETS.equals(req.getServletPath())) {
            asset(req.getPathInfo(), resp);
        } else {
            sendShell(resp);
        }
    }

    void sendShell(HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Cache-Control", "no-cache");
        resp.getOutputStream().write(shell);
    }

    private void asset(String path, HttpServletResponse resp) throws IOException {
        String name = path == null ? "" : path.substring(1);
        byte[] body = !SAFE_NAME.matcher(name).matches() ? null
                : name.startsWith(QUERIES) ? readQuery(name.substring(QUERIES.length())) : readOrNull(name);
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (body == null || type == null) {
            resp.sendError(404, "no such explorer file: " + name);
            return;
        }
        resp.setStatus(200);
        resp.setContentType(type + (type.startsWith("text/") || type.startsWith("application/") ? ";charset=utf-8" : ""));
        // Revalidated on every load: the files are small and change with each build.
        resp.setHeader("Cache-Control", "no-cache");
        resp.getOutputStream().write(body);
    }

    private byte[] readQuery(String name) throws IOException {
        Path file = queries.resolve(name);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private static byte[] read(String name) {
        byte[] body = readOrNull(name);
        if (body == null) throw new IllegalStateException("missing explorer resource " + ROOT + name);
        return body;
    }

    private static byte[] readOrNull(String name) {
        try (InputStream in = ExplorerPages.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
