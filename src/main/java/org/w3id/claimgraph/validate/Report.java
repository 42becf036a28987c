package org.w3id.claimgraph.validate;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.Severity;

/**
 * What a validation run found, ready to render. The findings on candidates (the claims the rule
 * {@value #CANDIDATE_RULE} flags: proposed by ingest, not yet reviewed) are kept apart: they are listed, never
 * counted in the summary, and never fail the run.
 *
 * @param source     what was validated, in words
 * @param engine     which engine ran the rules
 * @param rulesRun   the rules that ran (after --rule)
 * @param failOn     the lowest severity that fails the run, or null when nothing does
 * @param findings   the findings on reviewed claims (after --rule and --severity), in report order
 * @param candidates the findings on candidates, each candidate's {@value #CANDIDATE_RULE} finding first, in report order
 */
public record Report(String source, RuleEngine.Kind engine, List<Rule> rulesRun, Severity failOn, List<Finding> findings,
                     List<Finding> candidates) {
    /** The rule whose judgement says a claim is a candidate (ontology/rules.ttl). */
    public static final String CANDIDATE_RULE = "candidate";

    /**
     * A report of {@code all} the findings of a run (the rule {@value #CANDIDATE_RULE} among those run), the
     * findings on candidates set apart; {@code shown} decides which of the others are reported (--severity).
     */
    public static Report of(String source, RuleEngine.Kind engine, List<Rule> rulesRun, Severity failOn, List<Finding> all,
                            Predicate<Finding> shown) {
        Set<String> candidates = all.stream().filter(f -> f.rule().equals(CANDIDATE_RULE)).map(Finding::claim).collect(Collectors.toSet());
        List<Finding> apart = all.stream().filter(f -> candidates.contains(f.claim())).toList();
        List<Finding> reviewed = all.stream().filter(f -> !candidates.contains(f.claim()) && shown.test(f)).toList();
        List<Rule> run = rulesRun.stream().filter(r -> !r.id().equals(CANDIDATE_RULE)).toList();
        return new Report(source, engine, run, failOn, reviewed, apart);
    }

    public Summary summary() {
        return Summary.of(findings, rulesRun);
    }

    /** The number of candidates listed apart. */
    public long candidateCount() {
        return candidates.stream().map(Finding::claim).distinct().count();
    }

    /** True when nothing at or above {@code failOn} was found on a reviewed claim: the exit code is 0. */
    public boolean passes() {
        return summary().passes(failOn);
    }
}
