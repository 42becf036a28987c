package org.w3id.claimgraph.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the request that is filling the heap before the heap is full. After each garbage collection of the
 * old generation the JVM reports whether what survived is above a threshold ({@value #THRESHOLD_PERCENT} % of
 * the old generation's maximum, a collection usage threshold); when it is, the running request whose thread
 * has allocated the most since it began is cancelled ({@link QueryDeadline.Ticket#cancel}): its query stops
 * at its next step and answers 503, its memory becomes garbage, and the other requests and the server's own
 * threads go on. An {@link OutOfMemoryError} that still reaches a request's thread ends that request only
 * ({@link SafeQuery}, the API and the explorer catch it); the guard keeps it from reaching Jetty's threads,
 * which would leave the server listening but dead.
 */
final class MemoryGuard {
    static final int THRESHOLD_PERCENT = 70;
    static final String MESSAGE = "The query was stopped: it needed more memory than this server can give one"
            + " request. Ask for less (a LIMIT, fewer groups, no ORDER BY over everything).";
    private static final Logger LOG = LoggerFactory.getLogger(MemoryGuard.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private MemoryGuard() {}

    /** Watches the old generation of the heap from now on (once per JVM). */
    static void install() {
        if (!INSTALLED.compareAndSet(false, true)) return;
        boolean watching = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0
                    && isOldGeneration(pool.getName())) {
                pool.setCollectionUsageThreshold(max / 100 * THRESHOLD_PERCENT);
                watching = true;
            }
        }
        if (!watching) {
            LOG.warn("no old-generation heap pool to watch: requests that fill the heap are stopped only by their timeout");
            return;
        }
        NotificationListener listener = (notification, handback) -> {
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) stopLargest();
        };
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(listener, null, null);
    }

    private static boolean isOldGeneration(String pool) {
        return pool.contains("Old Gen") || pool.contains("Tenured") || pool.equals("ZHeap") || pool.contains("Shenandoah");
    }

    /**
     * Cancels the running request that has allocated the most, unless one stopped for memory is still
     * unwinding (its memory is not free yet; stopping a second would be premature).
     */
    static void stopLargest() {
        var running = QueryDeadline.running();
        if (running.stream().anyMatch(t -> t.reason().isPresent())) return;
        running.stream()
                .max(Comparator.comparingLong(QueryDeadline.Ticket::allocated))
                .ifPresent(t -> {
                    LOG.warn("heap above {} % after garbage collection: stopping the request that allocated the most ({} MB)",
                            THRESHOLD_PERCENT, t.allocated() >> 20);
                    t.cancel(MESSAGE);
                });
    }

    /** Records an OutOfMemoryError caught in a request's thread (the request ends; the server goes on). */
    static void outOfMemory(OutOfMemoryError e) {
        LOG.warn("a request ran out of memory and was stopped: {}", e.getMessage());
    }
}
