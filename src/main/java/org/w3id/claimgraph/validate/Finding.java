package org.w3id.claimgraph.validate;

import java.util.Comparator;

import org.apache.jena.graph.Node;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.RuleSet;
import org.w3id.claimgraph.rules.Severity;

/**
 * One rule's judgement on one claim: what a rule engine reports for a row of the rule's query, then completed
 * with where the claim is made (the document and the quoted words). The one record of a finding, from the
 * engines through the reports to the explorer's claim page.
 *
 * @param claim    the claim's IRI
 * @param rule     the rule's id
 * @param severity the rule's severity
 * @param message  the rule's message with its values filled in
 * @param document the IRI of the document that states the claim, or null if the graph does not say
 * @param quote    the claim's quoted words (its first quote in the document), or null
 * @param value    the node the rule points at (an evidence line, a dose, another claim), or null when it is
 *                 the claim itself
 * @param grading  what the derivation gave the claim (grade, derived grade, override, reviewed)
 */
public record Finding(String claim, String rule, Severity severity, String message, String document, String quote, Node value,
                      Grading grading) {
    public Finding {
        if (value != null && value.isURI() && value.getURI().equals(claim)) value = null;
        if (grading == null) grading = Grading.NONE;
    }

    /** What an engine reports: the rule, the flagged claim, the value it names and the filled-in message. */
    public static Finding of(Rule rule, Node claim, Node value, String message) {
        return new Finding(claim.isURI() ? claim.getURI() : claim.toString(), rule.id(), rule.severity(), message, null, null, value,
                Grading.NONE);
    }

    /** The same finding with where the claim is made and how it is graded. */
    public Finding at(String documentIri, String quoted, Grading claimGrading) {
        return new Finding(claim, rule, severity, message, documentIri, quoted, value, claimGrading);
    }

    /** Report order: by document, claim, then the rule's place in rules.ttl, then value and message. */
    public static Comparator<Finding> order(RuleSet rules) {
        Comparator<Finding> byRule = Comparator.comparingInt(f -> rules.find(f.rule()).map(Rule::order).orElse(Integer.MAX_VALUE));
        return Comparator.comparing((Finding f) -> f.document == null ? "" : f.document)
                .thenComparing(Finding::claim)
                .thenComparing(byRule)
                .thenComparing(Finding::rule)
                .thenComparing(f -> f.value == null ? "" : f.value.toString())
                .thenComparing(Finding::message);
    }

    /** The claim's short id ("002-003"). */
    public String claimId() {
        return CG.shortId(claim);
    }

    /** The document's id ("002_880d95a52fef6df5"), or null. */
    public String documentId() {
        if (document == null) return null;
        String prefix = CG.ID + "document/";
        return document.startsWith(prefix) ? document.substring(prefix.length()) : document;
    }

    /** The value as text: an IRI, or a literal's lexical form; null when there is none. */
    public String valueText() {
        if (value == null) return null;
        if (value.isURI()) return value.getURI();
        if (value.isLiteral()) return value.getLiteralLexicalForm();
        return value.toString();
    }
}
