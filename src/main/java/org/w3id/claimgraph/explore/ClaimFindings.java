package org.w3id.claimgraph.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
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

    /**
     * The findings for one claim, most severe first; empty when nothing is flagged.
     *
     * @throws Unavailable while they are still being computed, or when computing them failed
     */
    List<ClaimFinding> forClaim(String claimIri);

    /** The findings cannot be given now: still being computed ({@link #retryable}), or never (the reason). */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        Unavailable(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

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
     * The validation engine: every rule of ontology/rules.ttl, run once over the served dataset (one query a
     * rule, not one a claim) and kept. The run starts at once on a thread of its own, so that the server
     * starts without waiting for it and no request ever runs it: until it is done {@link #forClaim} throws
     * {@link Unavailable} (retryable); if it fails (a rule past the time limit the source was given) the
     * findings stay unavailable, with the reason, and it is not run again. A claim the engine finds without
     * any support is labelled "unsupported", the word the claim list's filter uses.
     */
    static ClaimFindings fromValidator(Validator validator, ValidationSource source) {
        CompletableFuture<Map<String, List<ClaimFinding>>> all = new CompletableFuture<>();
        Thread run = new Thread(() -> {
            try {
                Map<String, List<ClaimFinding>> byClaim = new LinkedHashMap<>();
                for (Finding f : validator.validate(source, Engine.SPARQL, validator.rules().all())) {
                    String message = f.rule().equals("no-evidence") ? "Unsupported: " + f.message() : f.message();
                    byClaim.computeIfAbsent(f.claim(), c -> new ArrayList<>())
                            .add(new ClaimFinding(f.claim(), f.rule(), f.severity().id(), message));
                }
                byClaim.values().forEach(list -> list.sort(Comparator.comparing((ClaimFinding c) -> severityRank(c.severity())).reversed()));
                all.complete(byClaim);
            } catch (QueryCancelledException e) {
                all.completeExceptionally(new Unavailable("the validation rules did not finish within their time limit;"
                        + " run ./claimgraph validate on the database for the findings", false));
            } catch (RuntimeException | Error e) {
                all.completeExceptionally(new Unavailable("the validation rules failed: " + e.getMessage(), false));
            }
        }, "claimgraph-findings");
        run.setDaemon(true);
        run.setPriority(Thread.MIN_PRIORITY);
        run.start();
        return claim -> {
            if (!all.isDone()) throw new Unavailable("the validation findings are still being computed", true);
            try {
                return Collections.unmodifiableList(all.join().getOrDefault(claim, List.of()));
            } catch (CompletionException e) {
                throw e.getCause() instanceof Unavailable u ? u : new Unavailable(String.valueOf(e.getCause()), false);
            }
        };
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
