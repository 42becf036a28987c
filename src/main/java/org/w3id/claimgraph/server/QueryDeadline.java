package org.w3id.claimgraph.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.apache.jena.query.QueryCancelledException;

/**
 * The watchdog behind the query timeout and the memory guard. ARQ's timeout is cooperative, and in Jena 5.6
 * some query shapes do not cooperate: the right-hand side of a MINUS over a cross product is built to the
 * end whatever the timeout (apache/jena GH-3535; QueryDeadlineTest shows it), and a regular expression
 * backtracks inside one call. This filter gives each request on a query path a {@link Ticket}: a deadline
 * and a cancel flag, held by its thread. {@link DeadlineDataset} checks it on every step through the data,
 * the guarded expressions ({@link GuardedExpressions}) while they run, and ARQ's own iterators through the
 * cancel signal it adopts ({@link GuardedEngine}); so such a query fails with {@link QueryCancelledException} (503) when the server timeout
 * passes, or when the {@link MemoryGuard} picks it as the one to stop. The cooperative timeout, which a
 * client may shorten with {@code ?timeout=}, usually fires first.
 */
final class QueryDeadline implements Filter {
    private static final ThreadLocal<Ticket> CURRENT = new ThreadLocal<>();
    private static final Set<Ticket> RUNNING = ConcurrentHashMap.newKeySet();

    private final long timeoutNanos;

    QueryDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (CURRENT.get() != null) {
            chain.doFilter(request, response); // mapped twice on this path: one ticket is enough
            return;
        }
        Ticket ticket = new Ticket(System.nanoTime() + timeoutNanos);
        CURRENT.set(ticket);
        RUNNING.add(ticket);
        try {
            chain.doFilter(request, response);
        } finally {
            RUNNING.remove(ticket);
            CURRENT.remove();
        }
    }

    /** Fails the current query if its thread's deadline has passed or it was cancelled. */
    static void check() {
        Ticket ticket = CURRENT.get();
        if (ticket != null) ticket.check();
    }

    /** Fails the current request if it was cancelled (by the {@link MemoryGuard}), whatever its deadline. */
    static void checkCancelled() {
        Ticket ticket = CURRENT.get();
        if (ticket != null && ticket.cancel.get()) throw new QueryCancelledException();
    }

    /** The ticket of the request this thread is serving, if it is on a query path. */
    static Optional<Ticket> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The tickets of the requests being served now. */
    static Collection<Ticket> running() {
        return List.copyOf(RUNNING);
    }

    /** One request's deadline and cancel flag; the flag is also ARQ's cancel signal for its query. */
    static final class Ticket {
        private final long deadline;
        private final AtomicBoolean cancel = new AtomicBoolean();
        private final List<AtomicBoolean> signals = new CopyOnWriteArrayList<>();
        private final long threadId = Thread.currentThread().getId();
        private final long allocatedAtStart = allocatedBytes(threadId);
        private volatile String reason;

        private Ticket(long deadline) {
            this.deadline = deadline;
        }

        /**
         * Makes a query execution's own cancel signal ({@code ARQConstants.symCancelQuery}, which ARQ's
         * iterators check between results) follow this ticket.
         */
        void adopt(AtomicBoolean signal) {
            if (signal == null) return;
            signals.add(signal);
            if (cancel.get()) signal.set(true);
        }

        void cancel(String why) {
            if (reason == null) reason = why;
            cancel.set(true);
            signals.forEach(s -> s.set(true));
        }

        /** Why the request was cancelled, if it was by something other than its timeout. */
        Optional<String> reason() {
            return Optional.ofNullable(reason);
        }

        /** Bytes the request's thread has allocated since the request began (not what it holds, but close). */
        long allocated() {
            return allocatedBytes(threadId) - allocatedAtStart;
        }

        void check() {
            if (cancel.get() || System.nanoTime() - deadline > 0) {
                cancel.set(true);
                throw new QueryCancelledException();
            }
        }
    }

    private static long allocatedBytes(long threadId) {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean hotspot
                && hotspot.isThreadAllocatedMemorySupported() && hotspot.isThreadAllocatedMemoryEnabled()) {
            return hotspot.getThreadAllocatedBytes(threadId);
        }
        return 0;
    }
}
