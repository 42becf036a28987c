package org.w3id.claimgraph.server;

import static java.lang.String.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.web.HttpSC;

/**
 * SPARQL Update through {@link CheckedWrites}: the request is parsed whole and checked against the
 * {@link RequestPolicy} first, then run on a copy; a result that breaks the shapes gets 400 with the SHACL
 * report, and the data stays as it was. The variables {@code ?writer} and {@code ?writtenAt} are the authenticated user
 * and the server's time ({@link WriteStamp}). Protocol handling (POST bodies, forms, responses) is Fuseki's.
 */
final class ShaclCheckedUpdate extends SPARQL_Update {
    private final CheckedWrites writes;

    ShaclCheckedUpdate(CheckedWrites writes) {
        this.writes = writes;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        UpdateRequest parsed = parse(action, input);
        RequestPolicy.refusal(parsed).ifPresent(ServletOps::errorBadRequest);
        UpdateRequest request = WriteStamp.stamp(parsed, action.getUser(), java.time.Instant.now());
        WriteOutcome outcome = null;
        try {
            outcome = writes.apply(view -> UpdateExec.dataset(view).update(request).context(action.getContext()).execute());
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest(SPARQLProtocol.messageForParseException(e));
        } catch (PendingWrite.TooLarge e) {
            ServletOps.error(HttpSC.PAYLOAD_TOO_LARGE_413, e.getMessage());
        } catch (CheckedWrites.Stopped e) {
            ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, e.getMessage());
        } catch (UpdateException | QueryException | WriteView.DefaultGraphWrite e) {
            ServletOps.errorBadRequest(e.getMessage());
        } catch (JenaException e) {
            ServletOps.errorBadRequest("Update failed: " + e.getMessage());
        }
        if (!outcome.accepted()) {
            action.log.info(format("[%d] Update rejected by the SHACL shapes", action.id));
            ServletOps.errorBadRequest(outcome.report());
        }
        action.log.info(format("[%d] Update: %d quads added, %d removed", action.id, outcome.added(), outcome.removed()));
    }

    private static UpdateRequest parse(HttpAction action, InputStream input) {
        String text;
        try {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            ServletOps.errorBadRequest("SPARQL Update: cannot read the request: " + e.getMessage());
            return null;
        }
        QueryText.problem(text, "update", Integer.MAX_VALUE).ifPresent(ServletOps::errorBadRequest);
        try {
            return UpdateFactory.read(usingList(action), new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            ServletOps.errorBadRequest(SPARQLProtocol.messageForParseException(e));
        } catch (UpdateException | QueryException | IllegalArgumentException e) {
            ServletOps.errorBadRequest(e.getMessage());
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("The update is nested too deeply for this server to parse.");
        }
        throw new IllegalStateException("unreachable");
    }

    /** The protocol's using-graph-uri / using-named-graph-uri parameters. */
    private static UsingList usingList(HttpAction action) {
        UsingList using = new UsingList();
        String[] graphs = action.getRequest().getParameterValues(HttpNames.paramUsingGraphURI);
        String[] named = action.getRequest().getParameterValues(HttpNames.paramUsingNamedGraphURI);
        if (graphs != null) for (String g : graphs) using.addUsing(NodeFactory.createURI(absolute(g)));
        if (named != null) for (String g : named) using.addUsingNamed(NodeFactory.createURI(absolute(g)));
        return using;
    }

    private static String absolute(String iri) {
        try {
            IRIx x = IRIx.create(iri);
            if (x.isReference()) return x.str();
        } catch (RuntimeException e) {
            // reported below
        }
        ServletOps.errorBadRequest("SPARQL Update: not an absolute IRI: " + iri);
        return iri;
    }
}
