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
import org.w3id.claimgraph.rules.Severity;
import org.w3id.claimgraph.validate.Validator;

/** Where the claim page's validation findings come from ({@code /api/findings?claim=IRI}). */
@FunctionalInterface
public interface ClaimFindings {

    /** The findings for one claim, most severe first; empty when nothing is flagged. */
    List<ClaimFinding> forClaim(String claimIri);

    /**
     * The validation engine: every rule of ontology/rules.ttl, run once over the served dataset on first
     * use (one query a rule, not one a claim) and kept. A claim the engine finds without any support is
     * labelled "unsupported", the word the claim list's filter uses.
     */
    static ClaimFindings fromValidator(Validator validator, GraphSource source) {
        Supplier<Map<String, List<ClaimFinding>>> all = memoize(() -> {
            Map<String, List<ClaimFinding>> byClaim = new LinkedHashMap<>();
            for (Finding f : validator.validate(source, RuleEngine.Kind.SPARQL, validator.rules().all())) {
                String message = f.rule().equals("no-evidence") ? "Unsupported: " + f.message() : f.message();
                byClaim.computeIfAbsent(f.claim(), c -> new ArrayList<>())
                        .add(new ClaimFinding(f.claim(), f.rule(), f.severity().id(), message));
            }
            byClaim.values().forEach(list -> list.sort(Comparator.comparing((ClaimFinding c) -> severityRank(c.severity())).reversed()));
            return byClaim;
        });
        return claim -> Collections.unmodifiableList(all.get().getOrDefault(claim, List.of()));
    }

    private static int severityRank(String severity) {
        return Severity.fromId(severity).map(Enum::ordinal).orElse(-1);
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
