package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.project.CG;

/** Gathers what explain shows about one claim, from the queries of queries/validate/ and the rules. */
public final class ClaimExplainer {
    private final ProjectLayout layout;
    private final Validator validator;

    public ClaimExplainer(ProjectLayout layout, Validator validator) {
        this.layout = layout;
        this.validator = validator;
    }

    /**
     * The IRI a user means: a full IRI ({@code https://…/claim/002-003}, angle brackets allowed),
     * a prefixed name ({@code claim:002-003}) or a short id ({@code 002-003}).
     */
    public static String resolve(String given) {
        String s = given.strip();
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        if (s.startsWith("http://") || s.startsWith("https://")) return s;
        if (s.startsWith("claim:")) s = s.substring("claim:".length());
        if (!s.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InputException("not a claim IRI or id: '" + given + "' (use an IRI, claim:002-003 or 002-003)");
        }
        return CG.claimIri(s);
    }

    public Explanation explain(GraphSource source, RuleEngine.Kind engine, String claimIri) {
        Node claim = NodeFactory.createURI(claimIri);
        List<Map<String, String>> details = rows(source, "claim", claim);
        if (details.isEmpty()) {
            throw new InputException("no claim " + claimIri + " in the " + source.description());
        }
        return new Explanation(claimIri, details.get(0), rows(source, "claim-quotes", claim),
                rows(source, "claim-evidence", claim), rows(source, "claim-doses", claim),
                rows(source, "claim-quantities", claim), rows(source, "claim-derivation", claim),
                rows(source, "claim-reviews", claim), validator.rules().all(), validator.validateClaim(source, engine, claim));
    }

    private List<Map<String, String>> rows(GraphSource source, String name, Node claim) {
        NamedQuery query = NamedQuery.read(layout.queriesDir().resolve("validate/" + name + ".rq"));
        return source.stream(query.bind(Map.of("claim", claim.getURI())), null, rows -> {
            List<Map<String, String>> out = new ArrayList<>();
            rows.forEachRemaining(row -> {
                Map<String, String> values = new LinkedHashMap<>();
                for (String var : rows.getResultVars().stream().map(Var::getVarName).toList()) {
                    Node n = row.get(Var.alloc(var));
                    // An empty string is no value: GROUP_CONCAT over none is unbound in Jena, "" in Virtuoso.
                    if (n == null || n.isLiteral() && n.getLiteralLexicalForm().isEmpty()) continue;
                    values.put(var, n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString());
                }
                out.add(values);
            });
            return out;
        });
    }
}
