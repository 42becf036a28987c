package org.w3id.claimgraph.server;

import java.util.Optional;

/**
 * Checks on the text of a SPARQL query or update before it is parsed: its length
 * ({@link QueryLimits#MAX_QUERY_CHARS}) and how deeply its brackets nest ({@link QueryLimits#MAX_NESTING}).
 * The parser, the algebra compiler and the optimizer recurse once per level of {@code { ( [}, and a
 * thousand levels overflow the stack; a long query costs parse time that no timeout covers. Brackets inside
 * strings, IRIs and comments do not count.
 */
final class QueryText {
    private QueryText() {}

    /** Why the text is refused, or empty. {@code what} names it in the message ("query", "update"). */
    static Optional<String> problem(String text, String what, int maxChars) {
        if (text.length() > maxChars) {
            return Optional.of("The " + what + " is " + text.length() + " characters long; this server accepts at most "
                    + maxChars + ".");
        }
        int depth = 0;
        int deepest = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '#' -> i = endOfLine(text, i);
                case '"', '\'' -> i = endOfString(text, i);
                case '<' -> i = endOfIri(text, i);
                case '{', '(', '[' -> deepest = Math.max(deepest, ++depth);
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
            if (deepest > QueryLimits.MAX_NESTING) {
                return Optional.of("The " + what + " nests brackets more than " + QueryLimits.MAX_NESTING
                        + " deep (at character " + (i + 1) + "); write it flatter.");
            }
        }
        return Optional.empty();
    }

    private static int endOfLine(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end;
    }

    /** The index of the closing quote of the string starting at {@code i} (short or long form). */
    private static int endOfString(String s, int i) {
        char q = s.charAt(i);
        String triple = String.valueOf(q).repeat(3);
        if (s.startsWith(triple, i)) {
            int j = i + 3;
            while (j < s.length()) {
                if (s.charAt(j) == '\\') j += 2;
                else if (s.startsWith(triple, j)) return j + 2;
                else j++;
            }
            return s.length();
        }
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') j++;
            else if (c == q || c == '\n' || c == '\r') return j;
        }
        return s.length();
    }

    /** An IRI reference {@code <...>} is skipped whole; a {@code <} that does not start one is an operator. */
    private static int endOfIri(String s, int i) {
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '>') return j;
            if (c <= ' ' || "<\"{}|^`\\".indexOf(c) >= 0) return i;
        }
        return i;
    }
}
