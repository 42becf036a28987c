package org.w3id.claimgraph.server;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonBuilder;
import org.apache.jena.fuseki.ctl.JsonDescription;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;

/**
 * {@code /$/server} as the SPARQL editor needs it: the datasets and their endpoints, and nothing about the
 * server itself (Fuseki's own answer adds the Jena version, start time and uptime, which strangers need not
 * know).
 */
final class ServerStatus extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonBuilder builder = new JsonBuilder();
        builder.startObject();
        builder.key("datasets");
        JsonDescription.arrayDatasets(builder, DataAccessPointRegistry.get(getServletContext()));
        builder.finishObject();
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        OutputStream out = response.getOutputStream();
        JSON.write(out, builder.build());
        out.write('\n');
        out.flush();
    }
}
