package org.w3id.claimgraph.validate;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.Severity;

/**
 * Counts of findings by severity and by rule. Every severity and every rule that was run has an entry,
 * zero included, so that a report's keys do not depend on what was found.
 */
public record Summary(int findings, int claims, Map<Severity, Integer> bySeverity, Map<String, Integer> byRule) {

    public static Summary of(Collection<Finding> findings, List<Rule> rulesRun) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) bySeverity.put(s, 0);
        Map<String, Integer> byRule = new LinkedHashMap<>();
        rulesRun.forEach(r -> byRule.put(r.id(), 0));
        for (Finding f : findings) {
            bySeverity.merge(f.severity(), 1, Integer::sum);
            byRule.merge(f.rule(), 1, Integer::sum);
        }
        int claims = (int) findings.stream().map(Finding::claim).distinct().count();
        return new Summary(findings.size(), claims, Collections.unmodifiableMap(bySeverity), Collections.unmodifiableMap(byRule));
    }

    public int count(Severity severity) {
        return bySeverity.getOrDefault(severity, 0);
    }

    /** True when nothing at or above the given severity was found; null means nothing fails. */
    public boolean passes(Severity failOn) {
        if (failOn == null) return true;
        return bySeverity.entrySet().stream().noneMatch(e -> e.getKey().atLeast(failOn) && e.getValue() > 0);
    }
}
