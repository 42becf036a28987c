package org.w3id.claimgraph.ingest;

import org.w3id.claimgraph.build.QuoteLocator;

/**
 * Makes a quote anchor exactly where it was found: when its words occur more than once in the document,
 * adds the shortest oa:prefix (or, at the very start, oa:suffix) of the surrounding text that picks this
 * occurrence, and checks the result with the build's own {@link QuoteLocator}.
 */
final class QuoteHints {
    private static final int[] LENGTHS = {8, 16, 32, 64, 128, 256};

    private QuoteHints() {}

    /** The quote of characters [start, end) of the text, with the hints it needs. */
    static Candidate.Quote quote(String text, int start, int end) {
        String exact = text.substring(start, end);
        if (text.indexOf(exact) == start && text.indexOf(exact, start + 1) < 0) {
            return verified(text, new Candidate.Quote(exact, null, null, start, end));
        }
        for (int length : LENGTHS) {
            if (start > 0) {
                String prefix = text.substring(Math.max(0, start - length), start);
                Candidate.Quote q = new Candidate.Quote(exact, prefix, null, start, end);
                if (unique(text, q)) return verified(text, q);
            }
            if (end < text.length()) {
                String suffix = text.substring(end, Math.min(text.length(), end + length));
                Candidate.Quote q = new Candidate.Quote(exact, null, suffix, start, end);
                if (unique(text, q)) return verified(text, q);
            }
        }
        String prefix = text.substring(0, start);
        String suffix = text.substring(end);
        return verified(text, new Candidate.Quote(exact, prefix.isEmpty() ? null : prefix, suffix.isEmpty() ? null : suffix, start, end));
    }

    private static boolean unique(String text, Candidate.Quote q) {
        int count = 0;
        for (int at = text.indexOf(q.exact()); at >= 0; at = text.indexOf(q.exact(), at + 1)) {
            boolean prefixOk = q.prefixHint() == null || at >= q.prefixHint().length() && text.startsWith(q.prefixHint(), at - q.prefixHint().length());
            boolean suffixOk = q.suffixHint() == null || text.startsWith(q.suffixHint(), at + q.exact().length());
            if (prefixOk && suffixOk && ++count > 1) return false;
        }
        return count == 1;
    }

    private static Candidate.Quote verified(String text, Candidate.Quote q) {
        try {
            QuoteLocator.Anchor a = QuoteLocator.locate(text, q.exact(), q.prefixHint(), q.suffixHint());
            if (a.start() != text.codePointCount(0, q.start())) {
                throw new IllegalStateException("quote anchors elsewhere: " + q);
            }
            return q;
        } catch (QuoteLocator.NotAnchored e) {
            throw new IllegalStateException("a quote ingest made does not anchor: " + e.getMessage(), e);
        }
    }
}
