package org.w3id.claimgraph.query.api;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.QueryLibrary;

/** The JSON list of the named queries served at {@code /api/queries}: what each is, takes and returns. */
final class QueryListing {
    private QueryListing() {}

    static JsonObject of(QueryLibrary library) {
        JsonArray queries = new JsonArray();
        for (NamedQuery q : library.all()) {
            JsonObject entry = new JsonObject();
            entry.put("name", q.name());
            entry.put("title", q.title());
            entry.put("description", q.description());
            JsonArray params = new JsonArray();
            for (NamedQuery.Param p : q.params()) {
                JsonObject param = new JsonObject();
                param.put("name", p.name());
                param.put("type", p.type().keyword());
                param.put("required", p.required());
                if (p.defaultValue() != null) param.put("default", p.defaultValue());
                param.put("description", p.description());
                params.add(param);
            }
            entry.put("parameters", params);
            JsonArray columns = new JsonArray();
            q.columns().forEach(columns::add);
            entry.put("columns", columns);
            entry.put("href", "queries/" + q.name());
            entry.put("text", "queries/" + q.name() + ".rq");
            queries.add(entry);
        }
        JsonObject listing = new JsonObject();
        listing.put("queries", queries);
        return listing;
    }
}
