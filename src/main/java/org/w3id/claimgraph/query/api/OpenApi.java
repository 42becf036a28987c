package org.w3id.claimgraph.query.api;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonBoolean;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.ParamType;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.ResultFormat;

/**
 * The OpenAPI 3.0.3 description of the query API, generated from the query headers: one GET operation
 * per named query with its parameters, and one for its text.
 */
public final class OpenApi {
    static final String VERSION = "3.0.3";
    private static final String RESULTS_SCHEMA = "#/components/schemas/SparqlResults";
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    private static final String NOT_FOUND = "No query of this name (the server's queries are listed at /api/queries).";

    private OpenApi() {}

    /** The document; {@code serverUrl} is where the API is mounted (e.g. {@code /api}). */
    public static JsonObject document(QueryLibrary library, String serverUrl) {
        JsonObject doc = new JsonObject();
        doc.put("openapi", VERSION);
        JsonObject info = new JsonObject();
        info.put("title", "claimgraph named queries");
        info.put("version", "1");
        info.put("description", "Named SPARQL queries over the claimgraph knowledge graph of health claims about "
                + "calcium and magnesium. Each query is a file in queries/; its header gives the title, description "
                + "and parameters described here. Results are SPARQL 1.1 Query Results JSON by default, CSV, TSV or XML "
                + "by the Accept header. An IRI parameter takes a full IRI or a prefixed name (cg:, concept:, claim:, "
                + "doc:, reference:, obo:, skos:, ...).");
        doc.put("info", info);
        JsonArray servers = new JsonArray();
        JsonObject server = new JsonObject();
        server.put("url", serverUrl);
        servers.add(server);
        doc.put("servers", servers);

        JsonObject paths = new JsonObject();
        paths.put("/queries", listOperation());
        for (NamedQuery q : library.all()) {
            paths.put("/queries/" + q.name(), queryOperation(q));
            paths.put("/queries/" + q.name() + ".rq", textOperation(q));
        }
        paths.put("/openapi.json", selfOperation());
        doc.put("paths", paths);
        doc.put("components", components());
        return doc;
    }

    private static JsonObject queryOperation(NamedQuery q) {
        JsonObject get = new JsonObject();
        get.put("operationId", operationId(q.name()));
        get.put("summary", q.title());
        get.put("description", q.description() + "\n\nResult columns: " + String.join(", ", q.columns()) + ".");
        get.put("tags", tags("queries"));
        JsonArray parameters = new JsonArray();
        for (NamedQuery.Param p : q.params()) {
            JsonObject param = new JsonObject();
            param.put("name", p.name());
            param.put("in", "query");
            param.put("required", p.required());
            param.put("description", (p.description() + ". Type " + p.type().keyword() + ": "
                    + p.type().expected() + ".").replace("..", "."));
            JsonObject schema = new JsonObject();
            schema.put("type", p.type().jsonType());
            if (p.defaultValue() != null) schema.put("default", jsonValue(p.type(), p.defaultValue()));
            param.put("schema", schema);
            if (p.exampleValue() != null) param.put("example", jsonValue(p.type(), p.exampleValue()));
            parameters.add(param);
        }
        parameters.add(pageParameter("limit", "At most this many rows: one page of a large result.", 50));
        parameters.add(pageParameter("offset", "Skip this many rows first; with limit, the page that starts after them.", 0));
        get.put("parameters", parameters);

        JsonObject responses = new JsonObject();
        JsonObject ok = new JsonObject();
        ok.put("description", "The query's results.");
        JsonObject content = new JsonObject();
        content.put(ResultFormat.JSON.mediaType(), schemaRef(RESULTS_SCHEMA));
        for (ResultFormat f : new ResultFormat[] {ResultFormat.CSV, ResultFormat.TSV, ResultFormat.XML}) {
            content.put(f.mediaType(), stringSchema());
        }
        ok.put("content", content);
        responses.put("200", ok);
        responses.put("400", errorResponse("A parameter is unknown, missing, or not of its type; the message names it."));
        responses.put("404", errorResponse(NOT_FOUND));
        responses.put("503", errorResponse("The query did not finish within the server's timeout."));
        get.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("get", get);
        return path;
    }

    private static JsonObject pageParameter(String name, String description, int example) {
        JsonObject param = new JsonObject();
        param.put("name", name);
        param.put("in", "query");
        param.put("required", false);
        param.put("description", description);
        JsonObject schema = typeSchema("integer");
        schema.put("minimum", 0);
        param.put("schema", schema);
        param.put("example", example);
        return param;
    }

    private static JsonObject textOperation(NamedQuery q) {
        JsonObject path = getOperation(operationId(q.name()) + "Text", "The SPARQL text of: " + q.title(), tags("query texts"),
                "The query file, header comments included.", "application/sparql-query", stringSchema());
        path.getObj("get").getObj("responses").put("404", errorResponse(NOT_FOUND));
        return path;
    }

    private static JsonObject listOperation() {
        return getOperation("listQueries", "The named queries, with their parameters and result columns.", tags("queries"),
                "The list of queries.", "application/json", schemaRef("#/components/schemas/QueryList"));
    }

    private static JsonObject selfOperation() {
        return getOperation("openApi", "This OpenAPI description.", null,
                "The OpenAPI document.", "application/json", objectSchema());
    }

    /** A path item with one GET operation that answers 200 with one media type. */
    private static JsonObject getOperation(String operationId, String summary, JsonArray tagList,
                                           String description, String mediaType, JsonObject schema) {
        JsonObject get = new JsonObject();
        get.put("operationId", operationId);
        get.put("summary", summary);
        if (tagList != null) get.put("tags", tagList);
        JsonObject content = new JsonObject();
        content.put(mediaType, schema);
        JsonObject ok = new JsonObject();
        ok.put("description", description);
        ok.put("content", content);
        JsonObject responses = new JsonObject();
        responses.put("200", ok);
        get.put("responses", responses);
        JsonObject path = new JsonObject();
        path.put("get", get);
        return path;
    }

    private static JsonObject components() {
        JsonObject schemas = new JsonObject();

        JsonObject results = new JsonObject();
        results.put("type", "object");
        results.put("description", "SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/).");
        JsonObject props = new JsonObject();
        JsonObject head = new JsonObject();
        head.put("type", "object");
        JsonObject headProps = new JsonObject();
        headProps.put("vars", arrayOf(typeSchema("string")));
        head.put("properties", headProps);
        props.put("head", head);
        JsonObject resultsProp = new JsonObject();
        resultsProp.put("type", "object");
        JsonObject resultsProps = new JsonObject();
        JsonObject binding = new JsonObject();
        binding.put("type", "object");
        JsonObject term = new JsonObject();
        term.put("type", "object");
        JsonObject termProps = new JsonObject();
        JsonObject termType = typeSchema("string");
        JsonArray kinds = new JsonArray();
        kinds.add("uri");
        kinds.add("literal");
        kinds.add("bnode");
        termType.put("enum", kinds);
        termProps.put("type", termType);
        termProps.put("value", typeSchema("string"));
        termProps.put("datatype", typeSchema("string"));
        termProps.put("xml:lang", typeSchema("string"));
        term.put("properties", termProps);
        term.put("required", strings("type", "value"));
        binding.put("additionalProperties", term);
        resultsProps.put("bindings", arrayOf(binding));
        resultsProp.put("properties", resultsProps);
        props.put("results", resultsProp);
        results.put("properties", props);
        results.put("required", strings("head", "results"));
        schemas.put("SparqlResults", results);

        JsonObject error = new JsonObject();
        error.put("type", "object");
        JsonObject errorProps = new JsonObject();
        errorProps.put("error", typeSchema("string"));
        errorProps.put("parameter", typeSchema("string"));
        error.put("properties", errorProps);
        error.put("required", strings("error"));
        schemas.put("Error", error);

        JsonObject list = new JsonObject();
        list.put("type", "object");
        JsonObject listProps = new JsonObject();
        JsonObject entry = new JsonObject();
        entry.put("type", "object");
        JsonObject entryProps = new JsonObject();
        for (String s : new String[] {"name", "title", "description", "href", "text"}) entryProps.put(s, typeSchema("string"));
        JsonObject param = new JsonObject();
        param.put("type", "object");
        JsonObject paramProps = new JsonObject();
        paramProps.put("name", typeSchema("string"));
        JsonObject paramType = typeSchema("string");
        JsonArray typeNames = new JsonArray();
        for (ParamType t : ParamType.values()) typeNames.add(t.keyword());
        paramType.put("enum", typeNames);
        paramProps.put("type", paramType);
        paramProps.put("required", typeSchema("boolean"));
        paramProps.put("default", typeSchema("string"));
        paramProps.put("description", typeSchema("string"));
        param.put("properties", paramProps);
        entryProps.put("parameters", arrayOf(param));
        entryProps.put("columns", arrayOf(typeSchema("string")));
        entry.put("properties", entryProps);
        listProps.put("queries", arrayOf(entry));
        list.put("properties", listProps);
        schemas.put("QueryList", list);

        JsonObject components = new JsonObject();
        components.put("schemas", schemas);
        return components;
    }

    /** {@code claims-per-document} becomes {@code claimsPerDocument}. */
    static String operationId(String name) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-' || c == '_' || c == '.') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    private static JsonValue jsonValue(ParamType type, String value) {
        return switch (type) {
            case INTEGER -> JsonNumber.valueInteger(value.strip());
            case DECIMAL -> JsonNumber.valueDecimal(value.strip());
            case BOOLEAN -> new JsonBoolean(Boolean.parseBoolean(value.strip()));
            case IRI, STRING -> new JsonString(value);
        };
    }

    private static JsonObject errorResponse(String description) {
        JsonObject response = new JsonObject();
        response.put("description", description);
        JsonObject content = new JsonObject();
        content.put("application/json", schemaRef(ERROR_SCHEMA));
        response.put("content", content);
        return response;
    }

    private static JsonObject schemaRef(String ref) {
        JsonObject media = new JsonObject();
        JsonObject schema = new JsonObject();
        schema.put("$ref", ref);
        media.put("schema", schema);
        return media;
    }

    private static JsonObject stringSchema() {
        JsonObject media = new JsonObject();
        media.put("schema", typeSchema("string"));
        return media;
    }

    private static JsonObject objectSchema() {
        JsonObject media = new JsonObject();
        media.put("schema", typeSchema("object"));
        return media;
    }

    private static JsonObject typeSchema(String type) {
        JsonObject schema = new JsonObject();
        schema.put("type", type);
        return schema;
    }

    private static JsonObject arrayOf(JsonObject items) {
        JsonObject schema = typeSchema("array");
        schema.put("items", items);
        return schema;
    }

    private static JsonArray strings(String... values) {
        JsonArray array = new JsonArray();
        for (String v : values) array.add(v);
        return array;
    }

    private static JsonArray tags(String tag) {
        return strings(tag);
    }
}
