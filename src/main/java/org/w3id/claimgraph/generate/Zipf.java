package org.w3id.claimgraph.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws items with Zipf-like popularity: the item at rank r (from 1) has weight 1 / r^s. Real curation is
 * skewed this way (magnesium and sleep are everywhere, receptor subtypes are rare), and skew is what makes
 * joins and GROUP BYs expensive, so a uniform corpus would flatter every query.
 */
final class Zipf<T> {
    private final List<T> items;
    private final double[] cumulative;

    Zipf(List<T> items, double exponent) {
        if (items.isEmpty()) throw new IllegalArgumentException("no items to draw from");
        this.items = List.copyOf(items);
        this.cumulative = new double[items.size()];
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) cumulative[i] /= sum;
    }

    T draw(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) lo = mid + 1; else hi = mid;
        }
        return items.get(lo);
    }

    T uniform(SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }
}
