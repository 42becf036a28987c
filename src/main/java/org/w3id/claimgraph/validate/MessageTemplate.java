package org.w3id.claimgraph.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Fills a sh:message template from a result row as SHACL-SPARQL does: {@code {?name}} or
 * {@code {$name}} becomes the variable's value, a literal by its lexical form and an IRI in angle
 * brackets or prefixed (as Jena SHACL writes it), and a placeholder for an unbound variable is left as it is.
 */
final class MessageTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[?$]([^{}]+)\\}");

    private MessageTemplate() {}

    static String fill(String template, Binding row) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Node value = row.get(Var.alloc(m.group(1)));
            String text = value == null ? m.group() : value.isLiteral() ? value.getLiteralLexicalForm() : ShLib.displayStr(value);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
