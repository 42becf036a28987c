/**
 * The validation rules of ontology/rules.ttl as data: reading and checking them, each rule's query over all claims
 * or one, and how another query reads a rule's judgement ({@link org.w3id.claimgraph.rules.RuleReferences}), so that
 * each judgement has one definition. May use: project.
 */
@Uses({"project"})
package org.w3id.claimgraph.rules;

import org.w3id.claimgraph.project.Uses;
