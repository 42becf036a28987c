package org.w3id.claimgraph.query.api;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

import jakarta.servlet.http.HttpServletResponse;

/** Writes a JSON object as an HTTP response: the one way the claimgraph servlets answer in JSON. */
public final class JsonResponse {
    private JsonResponse() {}

    public static void send(HttpServletResponse resp, int status, JsonObject body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        OutputStream out = resp.getOutputStream();
        JSON.write(out, body);
        out.write('\n');
        out.flush();
    }
}
