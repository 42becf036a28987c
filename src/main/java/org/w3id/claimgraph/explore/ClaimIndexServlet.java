package org.w3id.claimgraph.explore;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.claimgraph.query.api.JsonResponse;
import org.w3id.claimgraph.search.ClaimIndex;

/**
 * {@code GET /api/claim-index?FACET=VALUE&q=WORDS&sort=ORDER&page=N}: one page of the claim list from the claim
 * index ({@link ClaimIndex}), as JSON: how many claims pass the filters and the search, the IRIs of the page's
 * claims in order, and each facet's values with how many of the claims that pass the other filters have each (the
 * {@value ClaimIndex#FACET_VALUES} with the most, and the one filtered by), with how many values each facet has
 * ({@code facetValues}).
 * 404 when the served dataset has no claim index (the explorer then asks SPARQL).
 */
final class ClaimIndexServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/api/claim-index";
    static final int PAGE_SIZE = 50;

    private final transient Supplier<ClaimIndex> index;

    ClaimIndexServlet(Supplier<ClaimIndex> index) {
        this.index = index;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonObject body = new JsonObject();
        ClaimIndex claims = index.get();
        if (claims == null) {
            body.put("error", "the served dataset has no claim index (it is built by the build and by load)");
            JsonResponse.send(resp, 404, body);
            return;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String facet : claims.facetNames()) {
            String value = req.getParameter(facet);
            if (value != null && !value.isBlank()) filters.put(facet, value);
        }
        String words = req.getParameter("q");
        ClaimIndex.Order order;
        int page;
        try {
            String sort = req.getParameter("sort");
            order = sort == null || sort.isBlank()
                    ? (words == null || words.isBlank() ? ClaimIndex.Order.ID : ClaimIndex.Order.RELEVANCE)
                    : ClaimIndex.Order.valueOf(sort.toUpperCase(Locale.ROOT).replace('-', '_'));
            page = req.getParameter("page") == null ? 1 : Integer.parseInt(req.getParameter("page"));
            if (page < 1 || page > 1_000_000) throw new IllegalArgumentException("page " + page);
        } catch (IllegalArgumentException e) {
            body.put("error", "bad parameter: " + e.getMessage()
                    + " (sort: relevance, id, grade-desc, grade-asc, document, subject; page: 1 or more)");
            JsonResponse.send(resp, 400, body);
            return;
        }
        ClaimIndex.Page found = claims.page(filters, words, order, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        body.put("total", found.total());
        JsonArray list = new JsonArray();
        found.claims().forEach(list::add);
        body.put("claims", list);
        JsonObject facets = new JsonObject();
        found.facets().forEach((facet, counts) -> {
            JsonArray values = new JsonArray();
            counts.forEach((value, count) -> {
                JsonObject o = new JsonObject();
                o.put("value", value);
                o.put("count", count);
                values.add(o);
            });
            facets.put(facet, values);
        });
        body.put("facets", facets);
        JsonObject values = new JsonObject();
        found.values().forEach(values::put);
        body.put("facetValues", values);
        JsonResponse.send(resp, 200, body);
    }
}
