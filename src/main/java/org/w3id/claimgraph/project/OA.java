package org.w3id.claimgraph.project;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The W3C Web Annotation terms the build writes for quotes. */
public final class OA {
    public static final String NS = "http://www.w3.org/ns/oa#";

    public static final Node SpecificResource = oa("SpecificResource");
    public static final Node TextQuoteSelector = oa("TextQuoteSelector");
    public static final Node TextPositionSelector = oa("TextPositionSelector");
    public static final Node hasSource = oa("hasSource");
    public static final Node hasSelector = oa("hasSelector");
    public static final Node exact = oa("exact");
    public static final Node prefix = oa("prefix");
    public static final Node suffix = oa("suffix");
    public static final Node start = oa("start");
    public static final Node end = oa("end");

    private OA() {}

    private static Node oa(String local) {
        return NodeFactory.createURI(NS + local);
    }
}
