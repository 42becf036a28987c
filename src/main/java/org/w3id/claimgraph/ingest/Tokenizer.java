package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into tokens the same way for texts, concept labels and cue phrases, so that they match
 * whatever their case, plural or hyphenation: runs of letters and digits are words (an apostrophe inside a
 * word is dropped, so "brain's" is "brains" and then "brain"), the punctuation that bounds a phrase
 * ({@code , ; : . ( ) ! ? /}), "&" and the cell border of a table "|" are tokens of their own, and everything else (spaces, hyphens,
 * dashes, quotation marks, "+") only separates.
 */
final class Tokenizer {
    private static final String PUNCTUATION = ",;:.()!?/&[]|";

    private Tokenizer() {}

    static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    /** Tokens of text[from, to), with offsets in the whole text. */
    static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                StringBuilder word = new StringBuilder();
                while (i < to) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        word.append(d);
                        i++;
                    } else if (isApostrophe(d) && i + 1 < to && Character.isLetter(text.charAt(i + 1)) && word.length() > 0) {
                        i++;
                    } else {
                        break;
                    }
                }
                tokens.add(new Token(normalize(word.toString()), start, i, true));
            } else {
                if (PUNCTUATION.indexOf(c) >= 0) tokens.add(new Token(String.valueOf(c), i, i + 1, false));
                i++;
            }
        }
        return tokens;
    }

    /** The normal form of a phrase: its tokens' normal forms joined by single spaces. */
    static String normalizePhrase(String phrase) {
        StringBuilder out = new StringBuilder();
        for (Token t : tokenize(phrase)) {
            if (out.length() > 0) out.append(' ');
            out.append(t.norm());
        }
        return out.toString();
    }

    /** Lower case without a plural ending: "anxieties" → "anxiety", "bones" → "bone", "stress" stays. */
    static String normalize(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int n = w.length();
        if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) return w;
        if (w.endsWith("ies") && n > 4) return w.substring(0, n - 3) + "y";
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zzes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && !w.endsWith("ys")
                && !w.endsWith("os") && !w.endsWith("as")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC';
    }
}
