package org.w3id.claimgraph.validate;

import java.util.List;
import java.util.Map;
import org.w3id.claimgraph.rules.Rule;

/**
 * Everything explain shows about one claim. Rows are the named queries' results with each variable's
 * value as text (absent variables are missing from the map).
 *
 * @param claim    the claim's IRI
 * @param details  the row of queries/validate/claim.rq
 * @param quotes   the rows of claim-quotes.rq
 * @param evidence the rows of claim-evidence.rq
 * @param doses    the rows of claim-doses.rq
 * @param quantities the rows of claim-quantities.rq
 * @param derivation the rows of claim-derivation.rq (one a step; one without a step when nothing moved the grade)
 * @param reviews  the rows of claim-reviews.rq
 * @param rules    every rule, in report order
 * @param findings the findings for the claim
 */
public record Explanation(String claim, Map<String, String> details, List<Map<String, String>> quotes,
                          List<Map<String, String>> evidence, List<Map<String, String>> doses,
                          List<Map<String, String>> quantities, List<Map<String, String>> derivation,
                          List<Map<String, String>> reviews, List<Rule> rules, List<Finding> findings) {
}
