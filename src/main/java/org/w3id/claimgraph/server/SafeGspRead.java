package org.w3id.claimgraph.server;

import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.web.HttpNames;

/**
 * Fuseki's Graph Store Protocol reads, with {@code ?graph=} required to be an absolute IRI (400 otherwise:
 * Fuseki would resolve {@code ?graph=☃} against the request and fail with 500 half-way through answering).
 */
final class SafeGspRead extends GSP_R {
    @Override
    protected void doGet(HttpAction action) {
        requireAbsoluteGraph(action);
        super.doGet(action);
    }

    @Override
    protected void doHead(HttpAction action) {
        requireAbsoluteGraph(action);
        super.doHead(action);
    }

    /** Answers 400 when {@code ?graph=} is given and is not an absolute IRI. */
    static void requireAbsoluteGraph(HttpAction action) {
        String iri = action.getRequestParameter(HttpNames.paramGraph);
        if (iri == null || iri.equals(HttpNames.graphTargetDefault) || iri.equals(HttpNames.graphTargetUnion)) return;
        if (!isAbsoluteIri(iri)) ServletOps.errorBadRequest("Not an absolute IRI: " + iri);
    }

    static boolean isAbsoluteIri(String iri) {
        try {
            return IRIx.create(iri).isReference();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
