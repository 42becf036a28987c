package org.w3id.claimgraph.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies larger than a limit with 413, before any parser reads them. A declared
 * Content-Length is checked up front; a body without one (chunked) is read up to the limit first, so
 * that an oversized one is refused whole instead of failing half-way through a parse. Compressed request
 * bodies are refused (415): Fuseki would inflate them, and a small gzip body can inflate past any limit.
 */
final class BodySizeLimit implements Filter {
    private final long maxBytes;

    BodySizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String coding = request.getHeader("Content-Encoding");
        if (coding != null && !coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
            response.setHeader("Accept-Encoding", "identity");
            PlainText.send(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Compressed request bodies (Content-Encoding: " + coding + ") are not accepted; send it uncompressed.");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, declared);
            return;
        }
        if (declared < 0 && isChunked(request)) {
            if (isForm(request)) {
                // The container parses form bodies itself, from the raw stream: it needs the length first.
                PlainText.send(response, HttpServletResponse.SC_LENGTH_REQUIRED, "A form body needs a Content-Length header.");
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                refuse(response, -1);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isChunked(HttpServletRequest request) {
        String te = request.getHeader("Transfer-Encoding");
        return te != null && te.toLowerCase().contains("chunked");
    }

    private static boolean isForm(HttpServletRequest request) {
        String ct = request.getContentType();
        return ct != null && ct.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    private void refuse(HttpServletResponse response, long declared) throws IOException {
        String size = declared >= 0 ? declared + " bytes" : "more than " + maxBytes + " bytes";
        response.setHeader("Connection", "close");
        PlainText.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "Request body too large: " + size + "; this server accepts at most " + maxBytes + " bytes.");
    }

    /** The request with its already-read body. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() throws IOException { return in.read(); }
                @Override public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }
    }
}
