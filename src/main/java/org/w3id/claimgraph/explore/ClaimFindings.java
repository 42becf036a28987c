package org.w3id.claimgraph.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.graph.NodeFactory;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.Validator;

/**
 * Where the claim page's validation findings come from. The seam for the validation engine: an adapter
 * over its findings (run once over the served dataset) replaces {@link #fromNamedQuery} without any change
 * to the pages, which only read {@code /api/findings?claim=IRI}.
 */
@FunctionalInterface
public interface ClaimFindings {
    /** The rule whose findings the explorer calls "unsupported", as its claim list's filter does. */
    String UNSUPPORTED = "no-evidence";

    /**
     * The findings for one claim, most severe first; empty when nothing is flagged.
     *
     * @throws Unavailable while they are still being computed, or when computing them failed
     */
    List<Finding> forClaim(String claimIri);

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

    /**
     * The findings the build stored (the validation report of graph id/graph/findings), read for one claim at a
     * time: nothing is computed when the server starts. The rule no-evidence's are labelled "unsupported", as
     * {@link #fromValidator} labels them.
     */
    static ClaimFindings fromStoredReport(Validator validator, GraphSource source, ProjectLayout layout) {
        return claim -> {
            List<Finding> found = new ArrayList<>();
            List<Finding> stored;
            try {
                stored = validator.stored(source, layout, NodeFactory.createURI(claim));
            } catch (QueryCancelledException e) {
                throw new Unavailable("the stored findings of this claim did not finish within their time limit"
                        + " (the server's timeout); run ./claimgraph validate on the database for the findings", false);
            }
            for (Finding f : stored) found.add(shown(f));
            found.sort(Comparator.comparing(Finding::severity).reversed());
            return Collections.unmodifiableList(found);
        };
    }

    /**
     * The stored findings when the graph has them ({@link #fromStoredReport}, read from {@code served}), else the
     * engine's ({@link #fromValidator}, run on {@code forEngine}). Whether they are stored is asked of
     * {@code startUp}, a source with no time limit: the server's timeout stays out of start-up.
     */
    static ClaimFindings of(Validator validator, GraphSource served, GraphSource forEngine, GraphSource startUp, ProjectLayout layout) {
        return validator.hasStoredFindings(startUp, layout) ? fromStoredReport(validator, served, layout) : fromValidator(validator, forEngine);
    }

    private static Finding shown(Finding f) {
        return !f.rule().equals(UNSUPPORTED) ? f : new Finding(f.claim(), f.rule(), f.severity(),
                "Unsupported: " + f.message(), f.document(), f.quote(), f.value(), f.grading());
    }

    /**
     * The validation engine: every rule of ontology/rules.ttl, run once over the served dataset (one query a
     * rule, not one a claim) and kept. The run starts at once on a thread of its own, so that the server
     * starts without waiting for it and no request ever runs it: until it is done {@link #forClaim} throws
     * {@link Unavailable} (retryable); if it fails (a rule past the time limit the source was given) the
     * findings stay unavailable, with the reason, and it is not run again. A claim the engine finds without
     * any support is labelled "unsupported", the word the claim list's filter uses.
     */
    static ClaimFindings fromValidator(Validator validator, GraphSource source) {
        CompletableFuture<Map<String, List<Finding>>> all = new CompletableFuture<>();
        Thread run = new Thread(() -> {
            try {
                Map<String, List<Finding>> byClaim = new LinkedHashMap<>();
                for (Finding f : validator.validate(source, RuleEngine.Kind.SPARQL, validator.rules().all())) {
                    byClaim.computeIfAbsent(f.claim(), c -> new ArrayList<>()).add(shown(f));
                }
                byClaim.values().forEach(list -> list.sort(Comparator.comparing(Finding::severity).reversed()));
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
}
