package org.w3id.claimgraph.derive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.project.CG;

/**
 * Grades each assertion from its pooled lines (grading.ttl, step 3) and writes the result: the line
 * derivations, then (once those are in the graph, since claim-level conditions read them) each assertion's
 * derivation and each claim's derived grade, grade and rationale, with curator overrides and candidates.
 */
final class ClaimGrading {
    private static final Node GRADE_DERIVATION = CG.cg("GradeDerivation");
    private static final Node GRADING_STEP = CG.cg("GradingStep");
    private static final Node BASED_ON = CG.cg("basedOn");
    private static final Node STARTING_GRADE = CG.cg("startingGrade");
    private static final Node START_REASON = CG.cg("startReason");
    private static final Node STEP = CG.cg("step");
    private static final Node ORDER = CG.cg("order");
    private static final Node FACTOR = CG.cg("factor");
    private static final Node CHANGE = CG.cg("change");
    private static final Node REASON = CG.cg("reason");
    private static final Node DERIVED_GRADE = CG.cg("derivedGrade");
    private static final Node GRADE = CG.cg("grade");
    private static final Node RATIONALE = CG.cg("gradeRationale");
    private static final Node DERIVATION = CG.cg("gradeDerivation");
    private static final Node SET_ASIDE = CG.cg("setAside");

    private final Definitions definitions;
    private final DerivedGraph graph;

    ClaimGrading(Definitions definitions, DerivedGraph graph) {
        this.definitions = definitions;
        this.graph = graph;
    }

    /** Writes the line derivations; returns the claims graded. */
    long grade(Map<Node, Line> lines) {
        GradeScale scale = definitions.scale();
        graph.write(out -> {
            for (Line line : lines.values()) {
                if (!line.counts()) {
                    out.accept(Triple.create(line.iri, SET_ASIDE, NodeFactory.createLiteralString(line.setAside)));
                    continue;
                }
                Node derivation = NodeFactory.createURI(line.iri.getURI() + "/derivation");
                out.accept(Triple.create(line.iri, DERIVED_GRADE, scale.grade(line.level)));
                out.accept(Triple.create(line.iri, DERIVATION, derivation));
                writeDerivation(out, derivation, line, line.steps, line.level);
            }
        });

        Map<Node, List<Step>> claimLevel = claimLevelSteps();
        Map<Node, Line> best = new HashMap<>();
        Map<Node, TreeSet<String>> setAsideSupport = new HashMap<>();
        for (Line line : lines.values()) {
            if (!line.supports) continue;
            if (!line.counts()) {
                setAsideSupport.computeIfAbsent(line.assertion, k -> new TreeSet<>()).add(line.setAside);
                continue;
            }
            Line current = best.get(line.assertion);
            if (current == null || line.level > current.level) best.put(line.assertion, line);
        }

        Map<Node, Claim> claims = graph.read(ClaimGrading::claims);
        Map<Node, List<Claim>> byAssertion = new TreeMap<>(Comparator.comparing(Node::toString));
        claims.values().forEach(c -> byAssertion.computeIfAbsent(c.assertion, k -> new ArrayList<>()).add(c));
        Map<Node, Override> overrides = new HashMap<>();
        byAssertion.forEach((assertion, ofAssertion) -> {
            Override override = override(ofAssertion);
            if (override != null) overrides.put(assertion, override);
        });
        graph.write(out -> {
            for (Map.Entry<Node, List<Claim>> e : byAssertion.entrySet()) {
                Node assertion = e.getKey();
                Node derivation = NodeFactory.createURI(assertion.getURI() + "/derivation");
                Line basis = best.get(assertion);
                List<Step> steps = new ArrayList<>();
                int level;
                String startText;
                if (basis != null) {
                    steps.addAll(basis.steps);
                    int total = basis.level;
                    for (Step s : claimLevel.getOrDefault(assertion, List.of())) {
                        steps.add(s);
                        total += s.change();
                    }
                    level = scale.clamp(total);
                    writeDerivation(out, derivation, basis, steps, level);
                    startText = "starts " + scale.label(basis.start) + ": " + basis.startDescription();
                } else {
                    level = scale.lowest();
                    out.accept(Triple.create(derivation, RDF.type.asNode(), GRADE_DERIVATION));
                    out.accept(Triple.create(derivation, STARTING_GRADE, scale.grade(level)));
                    String why = "nothing that counts supports it";
                    TreeSet<String> aside = setAsideSupport.get(assertion);
                    if (aside != null) why += " (set aside: " + String.join("; ", aside) + ")";
                    out.accept(Triple.create(derivation, START_REASON, NodeFactory.createLiteralString(why)));
                    out.accept(Triple.create(derivation, DERIVED_GRADE, scale.grade(level)));
                    startText = scale.label(level) + ": " + why;
                }
                out.accept(Triple.create(assertion, DERIVATION, derivation));
                StringBuilder rationale = new StringBuilder(capitalise(startText));
                for (Step s : steps) rationale.append("; ").append(s.describe());
                if (basis != null) rationale.append(" \u2192 ").append(scale.label(level));
                rationale.append('.');

                Override override = overrides.get(assertion);
                for (Claim claim : e.getValue()) {
                    Node derived = scale.grade(level);
                    Node grade = derived;
                    String text = rationale.toString();
                    if (override != null) {
                        grade = override.grade;
                        text = "Curator override: " + scale.label(grade) + " (derived: " + scale.label(level) + ")"
                                + (override.claim.equals(claim.iri) ? "" : " set on " + CG.shortId(override.claim.getURI()))
                                + ": " + override.reason + " Derivation: " + text;
                    }
                    if (claim.candidate) {
                        grade = scale.grade(scale.lowest());
                        text = "Candidate claim, not yet accepted by a curator: " + scale.label(grade) + ". Derivation: " + text;
                    }
                    out.accept(Triple.create(claim.iri, DERIVATION, derivation));
                    out.accept(Triple.create(claim.iri, DERIVED_GRADE, derived));
                    out.accept(Triple.create(claim.iri, GRADE, grade));
                    out.accept(Triple.create(claim.iri, RATIONALE, NodeFactory.createLiteralString(text)));
                }
            }
        });
        return claims.size();
    }

    private void writeDerivation(Consumer<Triple> out, Node derivation, Line basis, List<Step> steps, int level) {
        GradeScale scale = definitions.scale();
        out.accept(Triple.create(derivation, RDF.type.asNode(), GRADE_DERIVATION));
        out.accept(Triple.create(derivation, BASED_ON, basis.iri));
        out.accept(Triple.create(derivation, STARTING_GRADE, scale.grade(basis.start)));
        out.accept(Triple.create(derivation, START_REASON, NodeFactory.createLiteralString(basis.startDescription())));
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Node step = NodeFactory.createURI(derivation.getURI() + "/step/" + (i + 1));
            out.accept(Triple.create(derivation, STEP, step));
            out.accept(Triple.create(step, RDF.type.asNode(), GRADING_STEP));
            out.accept(Triple.create(step, ORDER, integer(i + 1)));
            out.accept(Triple.create(step, FACTOR, s.factor()));
            out.accept(Triple.create(step, CHANGE, integer(s.change())));
            out.accept(Triple.create(step, REASON, NodeFactory.createLiteralString(s.reason())));
        }
        out.accept(Triple.create(derivation, DERIVED_GRADE, scale.grade(level)));
    }

    /** The claim-level steps of each assertion, in factor order, each factor's reasons joined. */
    private Map<Node, List<Step>> claimLevelSteps() {
        Map<Node, List<Step>> steps = new HashMap<>();
        for (Factor factor : definitions.factors()) {
            Map<Node, Map<String, Integer>> reasons = new HashMap<>();
            for (Query condition : factor.claimConditions()) {
                graph.select(condition, row -> {
                    Node assertion = row.get(Var.alloc("assertion"));
                    String text = LineGrading.text(row, "reason");
                    if (assertion == null || text == null) return;
                    Node changeNode = row.get(Var.alloc("change"));
                    int change = changeNode != null && changeNode.getLiteralValue() instanceof Number n ? Math.abs(n.intValue()) : 1;
                    reasons.computeIfAbsent(assertion, k -> new TreeMap<>()).merge(text, change, Math::max);
                });
            }
            reasons.forEach((assertion, byText) -> {
                int change = factor.change(byText.values().stream().mapToInt(Integer::intValue).sum());
                if (change != 0) {
                    steps.computeIfAbsent(assertion, k -> new ArrayList<>())
                            .add(new Step(factor.iri(), factor.label(), change, String.join("; ", byText.keySet())));
                }
            });
        }
        return steps;
    }

    /** A claim with what grading needs of it. */
    private record Claim(Node iri, Node assertion, Node curatorGrade, String overrideReason, boolean candidate) {}

    private record Override(Node claim, Node grade, String reason) {}

    private static Map<Node, Claim> claims(Graph g) {
        Map<Node, Claim> claims = new LinkedHashMap<>();
        g.find(Node.ANY, CG.cg("assertion"), Node.ANY).forEachRemaining(t -> {
            Node claim = t.getSubject();
            Node curator = SparqlExecutables.single(g, claim, CG.cg("curatorGrade"));
            Node reason = SparqlExecutables.single(g, claim, CG.cg("overrideReason"));
            boolean candidate = g.contains(claim, CG.cg("status"), CG.cg("Candidate"));
            claims.put(claim, new Claim(claim, t.getObject(), curator,
                    reason == null ? null : reason.getLiteralLexicalForm(), candidate));
        });
        return claims;
    }

    /** The assertion's curator grade, if one of its claims sets it; different grades for one assertion are an error. */
    private static Override override(List<Claim> claims) {
        Override found = null;
        for (Claim c : claims.stream().sorted(Comparator.comparing(c -> c.iri.toString())).toList()) {
            if (c.curatorGrade == null) continue;
            if (found != null && !found.grade.equals(c.curatorGrade)) {
                throw new DerivationException("claims " + CG.shortId(found.claim.getURI()) + " and " + CG.shortId(c.iri.getURI())
                        + " assert the same thing but set different curator grades (cg:curatorGrade): one assertion has one grade",
                        c.iri.getURI());
            }
            if (found == null) found = new Override(c.iri, c.curatorGrade, c.overrideReason == null ? "" : c.overrideReason);
        }
        return found;
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
