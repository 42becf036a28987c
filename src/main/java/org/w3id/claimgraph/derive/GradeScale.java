package org.w3id.claimgraph.derive;

import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;

/**
 * The grades of the GRADE scheme as the graph defines them: each cg:Grade with its cg:rank (1 very low to
 * 4 high) and English label. Levels are computed as ranks and kept between the lowest and highest rank.
 */
record GradeScale(Map<Integer, Node> byRank, Map<Node, String> labels) {

    GradeScale {
        if (byRank.isEmpty()) throw new DerivationException("the graph has no grades (cg:Grade with cg:rank): is the ontology loaded?");
        byRank = Map.copyOf(new TreeMap<>(byRank));
        labels = Map.copyOf(labels);
    }

    int lowest() {
        return byRank.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    int highest() {
        return byRank.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    int clamp(int rank) {
        return Math.max(lowest(), Math.min(highest(), rank));
    }

    Node grade(int rank) {
        Node grade = byRank.get(clamp(rank));
        if (grade == null) throw new DerivationException("no grade has rank " + rank);
        return grade;
    }

    int rank(Node grade) {
        return byRank.entrySet().stream().filter(e -> e.getValue().equals(grade)).mapToInt(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new DerivationException("not a grade of the scale: " + grade));
    }

    String label(Node grade) {
        return labels.getOrDefault(grade, grade.getLocalName());
    }

    String label(int rank) {
        return label(grade(rank));
    }
}
