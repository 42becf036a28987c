package org.w3id.claimgraph.build;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a quote in a document's text and anchors it as W3C Web Annotation selectors: a position in
 * code points (not UTF-16 units, so that offsets mean the same in every language) and the text just
 * before and after it.
 */
public final class QuoteLocator {
    /** How many code points of context the TextQuoteSelector keeps on each side. */
    static final int CONTEXT = 32;

    /** A located quote: code-point offsets [start, end) and its context. */
    public record Anchor(int start, int end, String exact, String prefix, String suffix) {}

    /** Why a quote could not be anchored, in words a curator can act on. */
    public static final class NotAnchored extends Exception {
        NotAnchored(String message) {
            super(message);
        }
    }

    private QuoteLocator() {}

    /**
     * Locates {@code exact} in {@code text}. The optional hints keep only occurrences preceded by
     * {@code prefixHint} or followed by {@code suffixHint}; exactly one occurrence must remain.
     */
    public static Anchor locate(String text, String exact, String prefixHint, String suffixHint) throws NotAnchored {
        if (exact.isBlank()) {
            throw new NotAnchored("the quote is empty");
        }
        List<Integer> all = occurrences(text, exact);
        if (all.isEmpty()) {
            throw new NotAnchored("quote not found in the document: \"" + abbreviate(exact) + "\"");
        }
        List<Integer> kept = new ArrayList<>();
        for (int at : all) {
            boolean prefixOk = prefixHint == null || text.startsWith(prefixHint, at - prefixHint.length()) && at >= prefixHint.length();
            boolean suffixOk = suffixHint == null || text.startsWith(suffixHint, at + exact.length());
            if (prefixOk && suffixOk) kept.add(at);
        }
        if (kept.isEmpty()) {
            throw new NotAnchored("quote occurs " + all.size() + " time(s) but never with the given "
                    + (prefixHint != null ? "oa:prefix \"" + prefixHint + "\"" : "")
                    + (prefixHint != null && suffixHint != null ? " and " : "")
                    + (suffixHint != null ? "oa:suffix \"" + suffixHint + "\"" : "")
                    + ": \"" + abbreviate(exact) + "\"");
        }
        if (kept.size() > 1) {
            throw new NotAnchored("quote is ambiguous: it occurs " + kept.size()
                    + " times; add an oa:prefix or oa:suffix hint: \"" + abbreviate(exact) + "\"");
        }
        int at = kept.get(0);
        int start = text.codePointCount(0, at);
        int end = start + exact.codePointCount(0, exact.length());
        int prefixFrom = text.offsetByCodePoints(at, -Math.min(CONTEXT, start));
        int afterEnd = at + exact.length();
        int remaining = text.codePointCount(afterEnd, text.length());
        int suffixTo = text.offsetByCodePoints(afterEnd, Math.min(CONTEXT, remaining));
        return new Anchor(start, end, exact, text.substring(prefixFrom, at), text.substring(afterEnd, suffixTo));
    }

    static List<Integer> occurrences(String text, String exact) {
        List<Integer> found = new ArrayList<>();
        for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
            found.add(at);
        }
        return found;
    }

    static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
