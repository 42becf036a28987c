package org.w3id.claimgraph.server;

import java.util.Base64;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers 400 to a {@code Basic} Authorization header whose credentials are not base64, in front of Jetty's
 * authentication, which would fail on it with 500. Well-formed credentials, right or wrong, go on to Jetty.
 */
final class AuthorizationSyntax extends Handler.Wrapper {
    AuthorizationSyntax(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                Base64.getDecoder().decode(header.substring(6).trim());
            } catch (IllegalArgumentException e) {
                Response.writeError(request, response, callback, 400,
                        "Malformed Authorization header: the Basic credentials are not base64 (" + e.getMessage() + ")");
                return true;
            }
        }
        return super.handle(request, response, callback);
    }
}
