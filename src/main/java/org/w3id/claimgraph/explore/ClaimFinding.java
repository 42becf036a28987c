package org.w3id.claimgraph.explore;

/**
 * One judgement about one claim, as the claim page shows it.
 *
 * @param claim    the claim's IRI
 * @param rule     the rule's id, e.g. {@code unsupported}
 * @param severity {@code violation}, {@code warning} or {@code info}
 * @param message  what is wrong, in words
 */
public record ClaimFinding(String claim, String rule, String severity, String message) {}
