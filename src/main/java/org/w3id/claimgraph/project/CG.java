package org.w3id.claimgraph.project;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * IRIs of the claimgraph ontology that the Java code itself needs to construct the graph. Everything
 * else (rules, queries, vocabularies) reads the ontology as data.
 */
public final class CG {
    public static final String NS = "https://w3id.org/claimgraph/ontology#";
    public static final String ID = "https://w3id.org/claimgraph/id/";

    public static final Node Claim = cg("Claim");
    public static final Node Evidence = cg("Evidence");
    public static final Node StatedDose = cg("StatedDose");
    public static final Node SourceDocument = cg("SourceDocument");

    public static final Node quoted = cg("quoted");
    public static final Node quote = cg("quote");
    public static final Node statedIn = cg("statedIn");
    public static final Node evidence = cg("evidence");
    public static final Node statedDose = cg("statedDose");
    public static final Node sha256 = cg("sha256");
    public static final Node fileName = cg("fileName");
    public static final Node text = cg("text");

    public static final Node DCT_IDENTIFIER = NodeFactory.createURI("http://purl.org/dc/terms/identifier");

    private CG() {}

    public static Node cg(String local) {
        return NodeFactory.createURI(NS + local);
    }

    public static String documentIri(String documentId) {
        return ID + "document/" + documentId;
    }

    public static String claimIri(String shortId) {
        return ID + "claim/" + shortId;
    }

    /** The short id of a claim IRI ("003-001"), or the IRI itself when it is not a claim IRI. */
    public static String shortId(String iri) {
        String prefix = ID + "claim/";
        return iri.startsWith(prefix) ? iri.substring(prefix.length()) : iri;
    }
}
