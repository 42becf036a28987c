package org.w3id.claimgraph.server;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.servlets.CrossOriginFilter;

/**
 * CORS for the read endpoints, so that a page from any origin can query the graph: simple and
 * preflighted GET/POST/HEAD with the headers SPARQL clients send, and never credentials. Fuseki's own
 * filter allows credentials unless told otherwise; this class is where it is told. The filter echoes the
 * request's {@code Origin}, so every answer says {@code Vary: Origin}, lest a cache give one origin's answer to another.
 */
final class CorsPolicy implements Filter {
    private static final Map<String, String> SETTINGS = Map.of(
            CrossOriginFilter.ALLOWED_ORIGINS_PARAM, "*",
            CrossOriginFilter.ALLOWED_METHODS_PARAM, "GET,POST,HEAD,OPTIONS",
            CrossOriginFilter.ALLOWED_HEADERS_PARAM, "X-Requested-With,Content-Type,Accept,Origin,Cache-Control",
            CrossOriginFilter.EXPOSED_HEADERS_PARAM, "Cache-Control,Content-Language,Content-Length,Content-Type,Expires,Last-Modified,Pragma",
            CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "false",
            CrossOriginFilter.PREFLIGHT_MAX_AGE_PARAM, "1800",
            CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false");

    private final CrossOriginFilter delegate = new CrossOriginFilter();

    @Override
    public void init(FilterConfig config) throws ServletException {
        delegate.init(new FilterConfig() {
            @Override public String getFilterName() { return "claimgraph-cors"; }
            @Override public ServletContext getServletContext() { return config.getServletContext(); }
            @Override public String getInitParameter(String name) { return SETTINGS.get(name); }
            @Override public Enumeration<String> getInitParameterNames() { return Collections.enumeration(SETTINGS.keySet()); }
        });
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        VaryHeader.add((HttpServletResponse) response, "Origin");
        delegate.doFilter(request, response, chain);
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }
}
