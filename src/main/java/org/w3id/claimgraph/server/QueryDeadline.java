package org.w3id.claimgraph.server;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.apache.jena.query.QueryCancelledException;

/**
 * The watchdog behind the query timeout. ARQ's timeout is cooperative, and in Jena 5.6 some query shapes
 * do not cooperate: the right-hand side of a MINUS over a cross product is built to the end whatever the
 * timeout (apache/jena GH-3535; QueryTimeoutTest shows it). This filter gives each request on a query
 * endpoint a deadline, held by its thread, and {@link DeadlineDataset} checks it on every step through the
 * data, so such a query fails with {@link QueryCancelledException} (503) when the server timeout passes.
 * The cooperative timeout, which a client may shorten with {@code ?timeout=}, usually fires first.
 */
final class QueryDeadline implements Filter {
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private final long timeoutNanos;

    QueryDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DEADLINE.set(System.nanoTime() + timeoutNanos);
        try {
            chain.doFilter(request, response);
        } finally {
            DEADLINE.remove();
        }
    }

    /** Fails the current query if its thread's deadline has passed. */
    static void check() {
        Long deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline > 0) {
            throw new QueryCancelledException();
        }
    }
}
