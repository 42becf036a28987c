package org.w3id.claimgraph.server;

/**
 * What checked writes need of the heap, weighed when a server with update users starts. Every write that passes
 * its checks derives again in a pending layer and recomputes the findings and summaries on an in-memory copy of
 * the dataset ({@code Summaries.recompute}): about 900 bytes of heap a quad of the dataset (1,000,000 quads of a
 * generated 100,000-claim database copied into an in-memory dataset took 899 MB; BENCHMARKS.md, "Checked writes
 * on a large database"). A heap that cannot hold that with as much again to spare spends the write in garbage
 * collection and stops answering everyone: a 100,000-claim database (7.3 million quads) served in a 4 GiB heap gave
 * no answer to {@code /$/ping} within 30 s once one write began, its heap full after back-to-back full
 * collections. So such a server does not start with update users, and says what heap it would need.
 *
 * @param quads the quads of the served dataset
 * @param maxHeap the heap the server may use, in bytes (the JVM's maximum)
 */
record WriteMemory(long quads, long maxHeap) {
    /** Heap a quad of the dataset takes in the write's in-memory copy (899 bytes measured), rounded up. */
    static final long BYTES_PER_QUAD = 1_000;
    /** The share of the heap the copy may take: the rest is the server's and the write's own work. */
    static final int HEAP_SHARE_PERCENT = 50;
    private static final long MB = 1L << 20;
    private static final long GIB = 1L << 30;

    /** Bytes the copy of the dataset takes in a write. */
    long needed() {
        return quads * BYTES_PER_QUAD;
    }

    boolean fits() {
        return needed() <= maxHeap / 100 * HEAP_SHARE_PERCENT;
    }

    /** The smallest maximum heap, in whole GiB, under which the writes fit. */
    long heapGiBNeeded() {
        long heap = needed() / HEAP_SHARE_PERCENT * 100;
        return (heap + GIB - 1) / GIB;
    }

    /** Why the server does not start with update users, and what to do instead. */
    String refusal() {
        return String.format("--update-users: every checked write derives again and recomputes the findings and summaries"
                + " of the whole database on an in-memory copy of it: about %,d MB for its %,d quads, more than half of this"
                + " server's heap (%,d MB). Serve it with a heap of at least %d GiB (CLAIMGRAPH_JAVA_OPTS=-Xmx%dg ./claimgraph"
                + " serve ...), or read-only (without --update-users), changing the data in seeds/ and loading it again.",
                needed() / MB, quads, maxHeap / MB, heapGiBNeeded(), heapGiBNeeded());
    }
}
