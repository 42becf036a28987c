package org.w3id.claimgraph.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.Validator;

/** Where the claim page's validation findings come from ({@code /api/findings?claim=IRI}). */
@FunctionalInterface
public interface ClaimFindings {
    /** The rule whose findings the explorer calls "unsupported", as its claim list's filter does. */
    String UNSUPPORTED = "no-evidence";

    /** The findings for one claim, most severe first; empty when nothing is flagged. */
    List<Finding> forClaim(String claimIri);

    /**
     * The validation engine: every rule of ontology/rules.ttl, run once over the served dataset on first
     * use (one query a rule, not one a claim) and kept. A claim the engine finds without any support is
     * labelled "unsupported", the word the claim list's filter uses.
     */
    static ClaimFindings fromValidator(Validator validator, GraphSource source) {
        Supplier<Map<String, List<Finding>>> all = memoize(() -> {
            Map<String, List<Finding>> byClaim = new LinkedHashMap<>();
            for (Finding f : validator.validate(source, RuleEngine.Kind.SPARQL, validator.rules().all())) {
                Finding shown = !f.rule().equals(UNSUPPORTED) ? f : new Finding(f.claim(), f.rule(), f.severity(),
                        "Unsupported: " + f.message(), f.document(), f.quote(), f.value());
                byClaim.computeIfAbsent(f.claim(), c -> new ArrayList<>()).add(shown);
            }
            byClaim.values().forEach(list -> list.sort(Comparator.comparing(Finding::severity).reversed()));
            return byClaim;
        });
        return claim -> Collections.unmodifiableList(all.get().getOrDefault(claim, List.of()));
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = supplier.get();
                return value;
            }
        };
    }
}
