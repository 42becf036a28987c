package org.w3id.claimgraph.project;

/** The named graphs of the built dataset: one per document's claims, one per kind of shared data. */
public final class GraphNames {
    public static final String BASE = CG.ID + "graph/";
    public static final String ONTOLOGY = BASE + "ontology";
    public static final String SHAPES = BASE + "shapes";
    public static final String CONCEPTS = BASE + "concepts";
    public static final String REFERENCES = BASE + "references";
    public static final String DOCUMENTS = BASE + "documents";
    public static final String DOCUMENT_PREFIX = BASE + "document/";
    /** What the build derives from the rest (assertions, grades, contradictions); never curated. */
    public static final String DERIVED = BASE + "derived";

    private GraphNames() {}

    public static String document(String documentId) {
        return DOCUMENT_PREFIX + documentId;
    }
}
