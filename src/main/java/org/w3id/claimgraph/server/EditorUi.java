package org.w3id.claimgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Fuseki UI (jena-fuseki-ui's {@code webapp/}, a SPARQL editor and dataset browser) under
 * {@value #PATH}, leaving the server root to the project's own pages. The UI addresses the server
 * relative to the page it was loaded from ({@code /ui/$/server}, {@code /ui/kg/sparql}), so every path
 * below {@value #PATH} that is not one of its files is redirected (307, method and body kept) to the same
 * path at the root. None of Fuseki's admin servlets are installed: the UI's admin pages get 404.
 */
final class EditorUi extends HttpServlet {
    static final String PATH = "/ui/";
    private static final String UI_JAR = "jena-fuseki-ui";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8", "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8",
            "ico", "image/x-icon", "svg", "image/svg+xml", "png", "image/png", "woff", "font/woff", "woff2", "font/woff2",
            "json", "application/json", "map", "application/json");

    private final URL base;

    EditorUi() {
        this.base = locate();
    }

    /** Whether jena-fuseki-ui is on the class path. */
    static boolean available() {
        return locate() != null;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.equals("/index.html")) {
            // The UI must be loaded as /ui/ itself: it derives the server's address from the page's path.
            response.sendRedirect(request.getContextPath() + PATH);
            return;
        }
        if (path.equals("/")) path = "/index.html";
        if (!isAsset(path)) {
            redirectToRoot(request, response, path);
            return;
        }
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        serve(path, response, method.equals("HEAD"));
    }

    private static boolean isAsset(String path) {
        return path.equals("/index.html") || path.equals("/favicon.ico")
                || (path.startsWith("/static/") && !path.contains(".."));
    }

    private void serve(String path, HttpServletResponse response, boolean headOnly) throws IOException {
        URL resource = base == null ? null : new URL(base, path.substring(1));
        InputStream in;
        try {
            in = resource == null ? null : resource.openStream();
        } catch (IOException e) {
            in = null;
        }
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream body = in) {
            String ext = path.substring(path.lastIndexOf('.') + 1);
            response.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            // Built assets carry a content hash in their name; the page itself must be revalidated.
            response.setHeader("Cache-Control", path.startsWith("/static/") ? "public, max-age=86400" : "no-cache");
            if (headOnly) return;
            try (OutputStream out = response.getOutputStream()) {
                body.transferTo(out);
            }
        }
    }

    private static void redirectToRoot(HttpServletRequest request, HttpServletResponse response, String path) {
        String query = request.getQueryString();
        response.setStatus(307);
        response.setHeader("Location", request.getContextPath() + path + (query == null ? "" : "?" + query));
    }

    private static URL locate() {
        try {
            for (URL url : Collections.list(EditorUi.class.getClassLoader().getResources("webapp/index.html"))) {
                if (url.toString().contains(UI_JAR)) return new URL(url, ".");
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

}
