package org.w3id.claimgraph.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latency samples in milliseconds, summarised by nearest-rank percentiles, with the number of requests
 * that failed and what the last of them failed with (null when none did).
 */
record Percentiles(int samples, double p50, double p99, int errors, String failure) {
    static Percentiles of(List<Double> millis, int errors) {
        return of(millis, errors, null);
    }

    static Percentiles of(List<Double> millis, int errors, String failure) {
        if (millis.isEmpty()) return new Percentiles(0, Double.NaN, Double.NaN, errors, failure);
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), errors, failure);
    }

    boolean ok() {
        return samples > 0 && errors == 0;
    }

    private static double rank(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
