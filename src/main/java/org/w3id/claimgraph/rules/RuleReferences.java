package org.w3id.claimgraph.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.PathBlock;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.ExprTransformApplyElementTransform;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.claimgraph.project.InputException;

/**
 * How a query reads a rule's judgement: as SHACL writes a validation result down,
 * <pre>
 * ?result sh:focusNode ?claim ; sh:sourceShape cgr:no-evidence .
 * </pre>
 * "the rule no-evidence flags ?claim". The judgement is made by the rule alone: {@link #resolve} puts, in
 * place of those two triples, the rule's own query (its SELECT with the target join, {@link Rule#fullScan()})
 * with {@code $this} renamed to the focus variable, as a sub-select that returns the claims the rule flags. So a
 * named query, the explorer's filters and the validator decide "unsupported" by the same SPARQL, on any store,
 * and a query written this way also reads a stored SHACL validation report unchanged. Within its block of
 * triples the result variable ({@code ?result}) may be used in those two triples only, and the focus must be a
 * variable (one the rule uses itself is renamed inside the rule's query).
 */
public final class RuleReferences {
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Node FOCUS_NODE = NodeFactory.createURI(SH + "focusNode");
    private static final Node SOURCE_SHAPE = NodeFactory.createURI(SH + "sourceShape");
    private static final Pattern VARIABLE = Pattern.compile("[?$]([A-Za-z0-9_]+)");

    private RuleReferences() {}

    /** Whether a query's text may refer to a rule (it names {@code sh:sourceShape}), so that {@link #resolve} has work to do. */
    public static boolean mayReferToRules(String queryText) {
        return queryText.contains("sourceShape");
    }

    /** The query with each reference to a rule of {@code rules} replaced by the rule's own query. */
    public static Query resolve(Query query, RuleSet rules) {
        Resolver resolver = new Resolver(rules);
        Query resolved = QueryTransformOps.transform(query, resolver, new ExprTransformApplyElementTransform(resolver));
        resolved.setPrefixMapping(query.getPrefixMapping());
        return resolved;
    }

    /** The claims {@code rule} flags, as the variable {@code focus}: the rule's query as a sub-select. */
    static ElementSubQuery flaggedBy(Rule rule, Var focus) {
        Query full = rule.fullScan();
        if (!focus.equals(Rule.THIS) && variables(full).contains(focus.getVarName())) {
            // The rule has a variable of that name itself: give the rule's its own name first.
            Var own = Var.alloc(focus.getVarName() + "_" + rule.id().replaceAll("[^A-Za-z0-9]", "_"));
            full = QueryTransformOps.transform(full, Map.of(focus, own));
            if (variables(full).contains(focus.getVarName())) {
                throw new InputException("a query refers to rule " + rule.id() + " with ?" + focus.getVarName()
                        + ", a variable the rule assigns itself; name the focus node otherwise");
            }
        }
        Query renamed = focus.equals(Rule.THIS) ? full : QueryTransformOps.transform(full, Map.of(Rule.THIS, focus));
        Query sub = new Query();
        sub.setQuerySelectType();
        sub.setDistinct(true);
        sub.addResultVar(focus);
        sub.setQueryPattern(renamed.getQueryPattern());
        return new ElementSubQuery(sub);
    }

    private static Set<String> variables(Query query) {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(query.serialize());
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** Replaces the two triples of each rule reference in a block of triples by the rule's sub-select. */
    private static final class Resolver extends ElementTransformCopyBase {
        private final RuleSet rules;

        Resolver(RuleSet rules) {
            this.rules = rules;
        }

        @Override
        public Element transform(ElementPathBlock block) {
            Map<Node, Node> focus = new LinkedHashMap<>();
            Map<Node, Rule> shape = new LinkedHashMap<>();
            for (TriplePath t : block.getPattern()) {
                if (!t.isTriple() || !t.getSubject().isVariable()) continue;
                if (t.getPredicate().equals(FOCUS_NODE)) focus.put(t.getSubject(), t.getObject());
                if (t.getPredicate().equals(SOURCE_SHAPE)) rules.byIri(t.getObject()).ifPresent(r -> shape.put(t.getSubject(), r));
            }
            shape.keySet().retainAll(focus.keySet());
            if (shape.isEmpty()) return block;
            PathBlock rest = new PathBlock();
            for (TriplePath t : block.getPattern()) {
                boolean reference = t.isTriple() && shape.containsKey(t.getSubject())
                        && (t.getPredicate().equals(FOCUS_NODE) || t.getPredicate().equals(SOURCE_SHAPE));
                if (reference) continue;
                if (mentions(t, shape.keySet())) {
                    throw new InputException("a rule reference's result " + t.getSubject()
                            + " may appear in sh:focusNode and sh:sourceShape only, not in " + t);
                }
                rest.add(t);
            }
            ElementGroup group = new ElementGroup();
            if (!rest.isEmpty()) group.addElement(new ElementPathBlock(rest));
            shape.forEach((result, rule) -> {
                Node node = focus.get(result);
                if (!node.isVariable()) {
                    throw new InputException("a reference to rule " + rule.id() + " needs a variable as its sh:focusNode, not " + node);
                }
                group.addElement(flaggedBy(rule, Var.alloc(node)));
            });
            return group;
        }

        @Override
        public Element transform(ElementSubQuery el, Query query) {
            return new ElementSubQuery(resolve(query, rules));
        }

        private static boolean mentions(TriplePath t, Set<Node> results) {
            List<Node> nodes = new ArrayList<>();
            nodes.add(t.getSubject());
            nodes.add(t.getObject());
            if (t.isTriple()) nodes.add(t.getPredicate());
            return nodes.stream().anyMatch(results::contains);
        }
    }
}
