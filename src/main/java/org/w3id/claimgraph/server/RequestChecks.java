package org.w3id.claimgraph.server;

import java.io.IOException;
import java.nio.charset.Charset;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Refuses, before any servlet reads them, requests whose parameters or body cannot be decoded: a query
 * string or form body with a malformed percent escape ({@code %zz}) or bytes that are not UTF-8
 * ({@code %FF}) gets 400, a {@code charset} this JVM does not know ({@code charset=bogus}) 415. The servlets
 * behind (Fuseki's among them) would otherwise meet these as exceptions from the container and answer 500.
 * <p>
 * Fuseki writes its error messages with a Content-Length counted in characters, not bytes (Jena 5.6), so a
 * message that quotes a non-ASCII request ({@code ?graph=☃}) breaks the response with a 500; lengths set by
 * the servlets are therefore left to Jetty, which measures what is written.
 */
final class RequestChecks implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String charset;
        try {
            charset = request.getCharacterEncoding();
        } catch (RuntimeException e) {
            charset = "(unreadable)";
        }
        if (charset != null && !isSupported(charset)) {
            PlainText.send(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported charset '" + charset + "' in the Content-Type; send UTF-8.");
            return;
        }
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            PlainText.send(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed request parameters: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " (percent-encode parameters as UTF-8)");
            return;
        }
        chain.doFilter(request, new MeasuredLength(response));
    }

    /** Ignores the Content-Length servlets announce; Jetty sets the true one, or sends the body chunked. */
    private static final class MeasuredLength extends HttpServletResponseWrapper {
        MeasuredLength(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentLength(int length) {}

        @Override
        public void setContentLengthLong(long length) {}
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
