package org.w3id.claimgraph.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.QueryTarget;
import org.w3id.claimgraph.validate.Engine;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.Severity;
import org.w3id.claimgraph.validate.ValidationSource;
import org.w3id.claimgraph.validate.Validator;

/**
 * Where the claim page's validation findings come from. The seam for the validation engine: an adapter
 * over its findings (run once over the served dataset) replaces {@link #fromNamedQuery} without any change
 * to the pages, which only read {@code /api/findings?claim=IRI}.
 */
@FunctionalInterface
public interface ClaimFindings {

    /** The findings for one claim, most severe first; empty when nothing is flagged. */
    List<ClaimFinding> forClaim(String claimIri);

    /** The named query {@code unsupported-claims}, run once on first use and kept. */
    static ClaimFindings fromNamedQuery(QueryLibrary library, QueryTarget target) {
        NamedQuery query = library.get("unsupported-claims");
        Supplier<Map<String, List<ClaimFinding>>> all = memoize(() -> {
            Query bound = query.bind(Map.of("includeWeak", "true"));
            Map<String, List<ClaimFinding>> byClaim = new LinkedHashMap<>();
            target.stream(bound, null, rows -> {
                rows.forEachRemaining(row -> byClaim.computeIfAbsent(row.get("claim").getURI(), c -> new ArrayList<>()).add(finding(row)));
                return null;
            });
            return byClaim;
        });
        return claim -> Collections.unmodifiableList(all.get().getOrDefault(claim, List.of()));
    }

    private static ClaimFinding finding(Binding row) {
        String claim = row.get("claim").getURI();
        if ("unsupported".equals(row.get("support").getLiteralLexicalForm())) {
            return new ClaimFinding(claim, "unsupported", "violation",
                    "Unsupported: it rests only on the source's own non-traceable statement (uncited, a vague appeal"
                            + " to research, or an untraceable citation); no traceable or curator evidence supports it.");
        }
        return new ClaimFinding(claim, "weakly-supported", "warning", "Weakly supported: graded " + row.get("grade").getLiteralLexicalForm() + ".");
    }

    /**
     * The validation engine: every rule of ontology/rules.ttl, run once over the served dataset on first
     * use (one query a rule, not one a claim) and kept. A claim the engine finds without any support is
     * labelled "unsupported", the word the claim list's filter uses.
     */
    static ClaimFindings fromValidator(Validator validator, ValidationSource source) {
        Supplier<Map<String, List<ClaimFinding>>> all = memoize(() -> {
            Map<String, List<ClaimFinding>> byClaim = new LinkedHashMap<>();
            for (Finding f : validator.validate(source, Engine.SPARQL, validator.rules().all())) {
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
