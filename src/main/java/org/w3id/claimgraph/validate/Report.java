package org.w3id.claimgraph.validate;

import java.util.List;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.Severity;

/**
 * What a validation run found, ready to render.
 *
 * @param source   what was validated, in words
 * @param engine   which engine ran the rules
 * @param rulesRun the rules that ran (after --rule)
 * @param failOn   the lowest severity that fails the run, or null when nothing does
 * @param findings the findings (after --rule and --severity), in report order
 */
public record Report(String source, RuleEngine.Kind engine, List<Rule> rulesRun, Severity failOn, List<Finding> findings) {

    public Summary summary() {
        return Summary.of(findings, rulesRun);
    }

    /** True when nothing at or above {@code failOn} was found: the exit code is 0. */
    public boolean passes() {
        return summary().passes(failOn);
    }
}
