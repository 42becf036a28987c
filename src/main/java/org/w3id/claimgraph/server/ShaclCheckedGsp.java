package org.w3id.claimgraph.server;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.system.DataUploader;
import org.apache.jena.fuseki.system.UploadDetails;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Graph Store Protocol writes through {@link CheckedWrites}: PUT replaces a named graph, POST adds to it,
 * DELETE removes it; the body is parsed completely before anything is touched, and a result that breaks
 * the shapes gets 400 with the SHACL report. A body with quads in named graphs (TriG, N-Quads) is refused
 * with 400: the write names its one graph with {@code ?graph=}. Reads are Fuseki's. The default graph (the union of the
 * named graphs) and whole-dataset writes are refused: every write says which graph it changes.
 */
final class ShaclCheckedGsp extends GSP_RW {
    private final CheckedWrites writes;

    ShaclCheckedGsp(CheckedWrites writes) {
        this.writes = writes;
    }

    @Override
    protected void doGet(HttpAction action) {
        SafeGspRead.requireAbsoluteGraph(action);
        super.doGet(action);
    }

    @Override
    protected void doHead(HttpAction action) {
        SafeGspRead.requireAbsoluteGraph(action);
        super.doHead(action);
    }

    @Override
    protected void doPutPostGSP(HttpAction action, boolean replace) {
        if (ActionLib.getContentType(action) == null) ServletOps.errorBadRequest("No Content-Type");
        Node graph = namedTarget(action);
        Graph incoming = GraphFactory.createDefaultGraph();
        AtomicLong namedQuads = new AtomicLong();
        StreamRDF sink = new StreamRDFBase() {
            @Override
            public void triple(Triple triple) {
                incoming.add(triple);
            }

            @Override
            public void quad(Quad quad) {
                if (quad.isTriple() || quad.isDefaultGraph()) incoming.add(quad.asTriple());
                else namedQuads.incrementAndGet();
            }
        };
        UploadDetails details = null;
        try {
            details = DataUploader.incomingData(action, sink);
        } catch (RiotParseException e) {
            ServletOps.errorParseError(e);
        } catch (RiotException e) {
            ServletOps.errorBadRequest(e.getMessage());
        }
        if (namedQuads.get() > 0) {
            ServletOps.errorBadRequest("The body holds " + namedQuads.get() + " quad(s) in named graphs, but a Graph Store"
                    + " write to ?graph=<iri> takes the triples of that one graph: send them as Turtle, N-Triples, RDF/XML"
                    + " or JSON-LD (or TriG/N-Quads with the triples in the default graph). Nothing was changed.");
        }
        AtomicBoolean existed = new AtomicBoolean();
        WriteOutcome outcome = apply(view -> {
            existed.set(view.containsGraph(graph));
            if (replace) view.removeGraph(graph);
            incoming.find().forEachRemaining(t -> view.add(graph, t.getSubject(), t.getPredicate(), t.getObject()));
        });
        if (!outcome.accepted()) ServletOps.errorBadRequest(outcome.report());
        details.setExistedBefore(existed.get());
        ServletOps.uploadResponse(action, details);
    }

    @Override
    protected void execDeleteGSP(HttpAction action) {
        Node graph = namedTarget(action);
        AtomicBoolean existed = new AtomicBoolean();
        WriteOutcome outcome = apply(view -> {
            existed.set(view.containsGraph(graph));
            view.removeGraph(graph);
        });
        if (!existed.get()) ServletOps.errorNotFound("No such graph: <" + graph.getURI() + ">");
        if (!outcome.accepted()) ServletOps.errorBadRequest(outcome.report());
        ServletOps.successNoContent(action);
    }

    private WriteOutcome apply(java.util.function.Consumer<org.apache.jena.sparql.core.DatasetGraph> change) {
        try {
            return writes.apply(change);
        } catch (PendingWrite.TooLarge e) {
            ServletOps.error(org.apache.jena.web.HttpSC.PAYLOAD_TOO_LARGE_413, e.getMessage());
        } catch (CheckedWrites.Stopped e) {
            ServletOps.error(org.apache.jena.web.HttpSC.SERVICE_UNAVAILABLE_503, e.getMessage());
        } catch (WriteView.DefaultGraphWrite e) {
            ServletOps.errorBadRequest(e.getMessage());
        }
        throw new IllegalStateException("unreachable");
    }

    @Override
    protected void doPutPostQuads(HttpAction action, boolean replace) {
        ServletOps.errorMethodNotAllowed(action.getRequestMethod(),
                "Writes name their graph: ?graph=<iri>. Whole-dataset writes are not supported; rebuild with ./claimgraph load.");
    }

    /** The graph named by ?graph=, which must be an absolute IRI; the default graph is not writable. */
    private static Node namedTarget(HttpAction action) {
        if (action.getRequestParameter(HttpNames.paramGraphDefault) != null) {
            ServletOps.errorBadRequest(new WriteView.DefaultGraphWrite().getMessage());
        }
        String iri = action.getRequestParameter(HttpNames.paramGraph);
        if (iri == null || iri.equals(HttpNames.graphTargetDefault) || iri.equals(HttpNames.graphTargetUnion)) {
            ServletOps.errorBadRequest(new WriteView.DefaultGraphWrite().getMessage());
        }
        if (!SafeGspRead.isAbsoluteIri(iri)) ServletOps.errorBadRequest("Not an absolute IRI: " + iri);
        return NodeFactory.createURI(iri);
    }
}
