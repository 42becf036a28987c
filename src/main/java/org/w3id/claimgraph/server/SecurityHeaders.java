package org.w3id.claimgraph.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Content-Security-Policy on every response: scripts, styles, images and connections only from this
 * server, no plugins, no framing, no {@code <base>}. A link the graph supplies ({@code javascript:...}) can
 * therefore run nothing even if a page rendered it; the explorer renders only http(s) links anyway. The
 * SPARQL editor under {@code /ui/} (a bundled third-party app) may also use inline styles.
 */
final class SecurityHeaders implements Filter {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";
    static final String EDITOR_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean editor = request.getRequestURI().startsWith(EditorUi.PATH);
        response.setHeader("Content-Security-Policy", editor ? EDITOR_POLICY : POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
