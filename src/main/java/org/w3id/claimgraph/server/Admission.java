package org.w3id.claimgraph.server;

import java.time.Duration;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * How many requests that query the data run at once. Jetty's {@link QoSHandler} lets at most
 * {@code maxRunning} requests on the query paths ({@code /kg/*}, {@code /api/*}, {@code /id/*}) run; the others
 * wait, suspended (holding no thread), in arrival order, for up to the query timeout, and then get 503 with
 * {@code Retry-After}. The health check, the pages and their files are not counted, so that {@code /$/ping}
 * and the explorer's shell always find a free thread however busy the query paths are.
 */
final class Admission extends QoSHandler {
    static final String[] QUERY_PATHS = {ClaimServer.DATASET + "/*", "/api/*", "/id/*"};

    Admission(Handler next, int maxRunning, Duration maxWait) {
        super(next);
        setMaxRequestCount(maxRunning);
        setMaxSuspendedRequestCount(1024);
        setMaxSuspend(maxWait);
        includePath(QUERY_PATHS);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        Content.Sink.write(response, true, "The server is busy: the request waited its turn longer than the query timeout;"
                + " try again shortly.\n", callback);
    }
}
