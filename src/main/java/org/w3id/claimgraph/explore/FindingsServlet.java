package org.w3id.claimgraph.explore;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.claimgraph.query.api.JsonResponse;
import org.w3id.claimgraph.validate.Finding;

/**
 * {@code GET /api/findings?claim=IRI}: the validation findings for one claim, as JSON; 503 with the reason
 * while they are being computed (with {@code Retry-After}) or if they could not be.
 */
final class FindingsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/api/findings";

    private final transient ClaimFindings findings;

    FindingsServlet(ClaimFindings findings) {
        this.findings = findings;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String claim = req.getParameter("claim");
        JsonObject body = new JsonObject();
        if (claim == null || claim.isBlank()) {
            body.put("error", "give the claim's IRI: /api/findings?claim=IRI");
            JsonResponse.send(resp, 400, body);
            return;
        }
        List<Finding> forClaim;
        try {
            forClaim = findings.forClaim(claim);
        } catch (ClaimFindings.Unavailable e) {
            if (e.retryable()) resp.setHeader("Retry-After", "5");
            body.put("error", e.getMessage());
            JsonResponse.send(resp, 503, body);
            return;
        }
        JsonArray list = new JsonArray();
        for (Finding f : forClaim) {
            JsonObject o = new JsonObject();
            o.put("rule", f.rule());
            o.put("severity", f.severity().id());
            o.put("message", f.message());
            list.add(o);
        }
        body.put("claim", claim);
        body.put("findings", list);
        JsonResponse.send(resp, 200, body);
    }
}
