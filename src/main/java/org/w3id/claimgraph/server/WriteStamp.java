package org.w3id.claimgraph.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.UpdateTransformOps;
import org.apache.jena.update.UpdateRequest;
import org.w3id.claimgraph.project.CG;

/**
 * Who wrote and when, as the server knows it: in every SPARQL Update the variable {@code ?writer} is the
 * authenticated user (a curator IRI, {@code https://w3id.org/claimgraph/id/curator/NAME}) and {@code ?writtenAt}
 * the server's time (xsd:dateTime, UTC), bound before the update runs, so a client records a decision with
 * PROV-O ({@code prov:wasAssociatedWith ?writer ; prov:endedAtTime ?writtenAt}) without being able to say it
 * was someone else or at another time.
 */
final class WriteStamp {
    static final Var WRITER = Var.alloc("writer");
    static final Var WRITTEN_AT = Var.alloc("writtenAt");
    static final String CURATOR = CG.ID + "curator/";

    private WriteStamp() {}

    static UpdateRequest stamp(UpdateRequest request, String user, Instant now) {
        Node writer = NodeFactory.createURI(CURATOR + URLEncoder.encode(user == null ? "anonymous" : user, StandardCharsets.UTF_8));
        Node at = NodeFactory.createLiteralDT(now.truncatedTo(ChronoUnit.MILLIS).toString(), XSDDatatype.XSDdateTime);
        return UpdateTransformOps.transform(request, Map.of(WRITER, writer, WRITTEN_AT, at));
    }
}
