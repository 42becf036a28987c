package org.w3id.claimgraph.project;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.w3id.claimgraph.project.CG;

/**
 * The prefixes that parameter values may use and that tables show IRIs with. They are fixed here, not
 * taken from a dataset, so that a query answers and prints the same against the built graph, a TDB2
 * database or a remote endpoint (which sends no prefixes).
 */
public final class Prefixes {
    private static final PrefixMapping STANDARD = new PrefixMappingImpl()
            .setNsPrefix("cg", CG.NS)
            .setNsPrefix("concept", CG.ID + "concept/")
            .setNsPrefix("claim", CG.ID + "claim/")
            .setNsPrefix("doc", CG.ID + "document/")
            .setNsPrefix("reference", CG.ID + "reference/")
            .setNsPrefix("graph", CG.ID + "graph/")
            .setNsPrefix("obo", "http://purl.obolibrary.org/obo/")
            .setNsPrefix("oa", "http://www.w3.org/ns/oa#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .lock();

    private Prefixes() {}

    public static PrefixMapping standard() {
        return STANDARD;
    }

    /** The standard prefixes, then those a query declares that the standard set lacks. */
    public static PrefixMapping forQuery(PrefixMapping declared) {
        PrefixMapping merged = new PrefixMappingImpl().setNsPrefixes(STANDARD);
        declared.getNsPrefixMap().forEach((p, ns) -> {
            if (merged.getNsPrefixURI(p) == null) merged.setNsPrefix(p, ns);
        });
        return merged;
    }
}
