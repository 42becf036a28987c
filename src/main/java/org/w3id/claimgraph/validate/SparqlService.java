package org.w3id.claimgraph.validate;

import java.util.Map;
import java.util.function.Function;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.load.InputException;
import org.w3id.claimgraph.query.SparqlEndpoint;

/**
 * Where SPARQL queries go: a local dataset (read in a transaction) or a SPARQL 1.1 endpoint over HTTP.
 * Both see the union of the named graphs as the default graph, so the same query text works on both.
 */
public interface SparqlService {

    /** Runs a SELECT, with variables substituted by the given values, and hands the rows to the reader. */
    <T> T select(Query query, Map<String, Node> substitution, Function<RowSet, T> reader);

    boolean ask(Query query);

    /** Where the queries go, in words, for messages. */
    String description();

    /** A local dataset whose default graph is the union of its named graphs. */
    static SparqlService local(DatasetGraph dataset, String description) {
        return new SparqlService() {
            @Override
            public <T> T select(Query query, Map<String, Node> substitution, Function<RowSet, T> reader) {
                return Txn.calculateRead(dataset, () -> {
                    QueryExecBuilder builder = QueryExec.dataset(dataset).query(query);
                    substitution.forEach(builder::substitution);
                    try (QueryExec exec = builder.build()) {
                        return reader.apply(exec.select());
                    }
                });
            }

            @Override
            public boolean ask(Query query) {
                return Txn.calculateRead(dataset, () -> {
                    try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                        return exec.ask();
                    }
                });
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /**
     * A remote SPARQL 1.1 endpoint, queried with form POSTs; failures to reach it or errors it returns are
     * input errors (exit 2) quoting the endpoint's own error text.
     */
    static SparqlService remote(String endpoint) {
        return new SparqlService() {
            @Override
            public <T> T select(Query query, Map<String, Node> substitution, Function<RowSet, T> reader) {
                QueryExecHTTPBuilder builder = SparqlEndpoint.request(endpoint, query);
                substitution.forEach(builder::substitution);
                try (QueryExec exec = builder.build()) {
                    return reader.apply(SparqlEndpoint.canonicalBooleans(exec.select()));
                } catch (HttpException | QueryException e) {
                    throw failure(e);
                }
            }

            @Override
            public boolean ask(Query query) {
                try (QueryExec exec = SparqlEndpoint.request(endpoint, query).build()) {
                    return exec.ask();
                } catch (HttpException | QueryException e) {
                    throw failure(e);
                }
            }

            @Override
            public String description() {
                return "endpoint " + endpoint;
            }

            private InputException failure(RuntimeException e) {
                return new InputException("SPARQL endpoint " + endpoint + ": " + SparqlEndpoint.reason(e), e);
            }
        };
    }
}
