package org.w3id.claimgraph.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The SHACL severities, ordered: a violation outranks a warning, a warning outranks info. */
public enum Severity {
    INFO("Info"),
    WARNING("Warning"),
    VIOLATION("Violation");

    private static final String SH = "http://www.w3.org/ns/shacl#";

    private final String local;

    Severity(String local) {
        this.local = local;
    }

    /** The lower-case name used on the command line and in reports: violation, warning, info. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Node iri() {
        return NodeFactory.createURI(SH + local);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Severity> fromIri(Node node) {
        return Arrays.stream(values()).filter(s -> s.iri().equals(node)).findFirst();
    }

    public static Optional<Severity> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The ids, highest first, for messages and help. */
    public static String ids() {
        return Arrays.stream(values()).sorted((a, b) -> b.compareTo(a)).map(Severity::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id();
    }
}
