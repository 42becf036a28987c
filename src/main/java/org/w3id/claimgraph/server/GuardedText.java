package org.w3id.claimgraph.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;

/**
 * Regular expressions that stop when their request does, and string results that stay within
 * {@link QueryLimits#MAX_STRING}. A backtracking pattern ({@code ^((a+)\2?)+$}) can run for hours inside one
 * call to {@link Matcher#find()}; here the matcher reads its input through a {@link CharSequence} that checks
 * the request's {@link QueryDeadline} every thousand characters read, so the match ends with the request.
 * REPLACE builds its result piece by piece and gives up (an expression error, so the value is unbound) before
 * the result passes the limit, rather than after it has been allocated.
 */
final class GuardedText implements CharSequence {
    private final String text;
    private int reads;

    private GuardedText(String text) {
        this.text = text;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0x3FF) == 0) QueryDeadline.check();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** The pattern of a REGEX or REPLACE call, checked as SPARQL requires (a string; flags among "smixq"). */
    static Pattern pattern(String function, NodeValue pattern, NodeValue flags) {
        if (!pattern.isString()) throw new ExprEvalException(function + ": the pattern is not a string: " + pattern);
        if (flags != null && !flags.isString()) throw new ExprEvalException(function + ": the flags are not a string: " + flags);
        String f = flags == null ? null : flags.getString();
        if (f != null && !f.matches("[smixq]*")) {
            throw new ExprEvalException(function + ": only the flags s, m, i, x and q are allowed, not \"" + f + "\"");
        }
        return RegexEngine.makePattern(function, pattern.getString(), f);
    }

    /** REGEX(text, pattern): whether the pattern occurs in the text. */
    static boolean find(String function, NodeValue text, Pattern pattern) {
        Node literal = NodeValueOps.checkAndGetStringLiteral(function, text);
        return pattern.matcher(new GuardedText(literal.getLiteralLexicalForm())).find();
    }

    /**
     * REPLACE(text, pattern, replacement) as Jena computes it (Java's replacement syntax; an empty match is
     * replaced once), with the result kept within {@link QueryLimits#MAX_STRING}.
     */
    static NodeValue replace(NodeValue text, Pattern pattern, NodeValue replacement) {
        Node literal = NodeValueOps.checkAndGetStringLiteral("REPLACE", text);
        String input = literal.getLiteralLexicalForm();
        String rep = NodeValueOps.checkAndGetStringLiteral("REPLACE", replacement).getLiteralLexicalForm();
        long groupRefs = rep.chars().filter(c -> c == '$').count();
        Matcher m = pattern.matcher(new GuardedText(input));
        StringBuilder out = null;
        int appended = 0;
        try {
            while (m.find()) {
                if (out == null) out = new StringBuilder();
                else if (m.start() == m.end()) continue;
                // A group reference expands to at most the whole match.
                long most = (long) out.length() + (m.start() - appended) + rep.length() + groupRefs * (m.end() - m.start());
                if (most > QueryLimits.MAX_STRING) throw tooLong("REPLACE");
                m.appendReplacement(out, rep);
                appended = m.end();
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ExprEvalException("REPLACE: bad replacement \"" + rep + "\": " + e.getMessage());
        }
        if (out == null) return text;
        if ((long) out.length() + (input.length() - appended) > QueryLimits.MAX_STRING) throw tooLong("REPLACE");
        m.appendTail(out);
        String result = out.toString();
        if (result.equals(input)) return text;
        return NodeValue.makeNode(NodeFactory.createLiteral(result, literal.getLiteralLanguage(), literal.getLiteralDatatype()));
    }

    /** Fails a value that is longer than {@link QueryLimits#MAX_STRING}; returns it otherwise. */
    static NodeValue bounded(String function, NodeValue value) {
        if (value != null && value.isLiteral() && value.asNode().getLiteralLexicalForm().length() > QueryLimits.MAX_STRING) {
            throw tooLong(function);
        }
        return value;
    }

    static ExprEvalException tooLong(String function) {
        return new ExprEvalException(function + ": the result would be longer than " + QueryLimits.MAX_STRING
                + " characters, the most this server builds");
    }
}
