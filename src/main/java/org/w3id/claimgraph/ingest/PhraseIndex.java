package org.w3id.claimgraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases (as normalised token sequences) with their values, found in a token list longest first. A
 * phrase may carry several values (a label two concepts share); they are kept in the order added.
 */
final class PhraseIndex<T> {
    private final Node<T> root = new Node<>();
    private int size;

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>();
        final List<T> values = new ArrayList<>();
    }

    /** A phrase found: tokens [from, to) and its values. */
    record Match<T>(int from, int to, List<T> values) {
        T value() {
            return values.get(0);
        }
    }

    /** Adds a phrase; returns false when it has no tokens. */
    boolean add(String phrase, T value) {
        List<Token> tokens = Tokenizer.tokenize(phrase);
        if (tokens.isEmpty()) return false;
        Node<T> node = root;
        for (Token t : tokens) node = node.next.computeIfAbsent(t.norm(), k -> new Node<>());
        if (!node.values.contains(value)) {
            node.values.add(value);
            size++;
        }
        return true;
    }

    int size() {
        return size;
    }

    /** The longest phrase starting at token {@code at}, or null. */
    Match<T> longestAt(List<Token> tokens, int at, int limit) {
        Node<T> node = root;
        Match<T> best = null;
        for (int i = at; i < limit; i++) {
            node = node.next.get(tokens.get(i).norm());
            if (node == null) break;
            if (!node.values.isEmpty()) best = new Match<>(at, i + 1, node.values);
        }
        return best;
    }

    /** Non-overlapping matches left to right, the longest at each position. */
    List<Match<T>> scan(List<Token> tokens) {
        return scan(tokens, 0, tokens.size());
    }

    List<Match<T>> scan(List<Token> tokens, int from, int to) {
        List<Match<T>> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            Match<T> m = longestAt(tokens, i, to);
            if (m != null) {
                found.add(m);
                i = m.to();
            } else {
                i++;
            }
        }
        return found;
    }
}
