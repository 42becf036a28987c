package org.w3id.claimgraph.server;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.query.QueryFixture;

/** The verified seed graph ({@link QueryFixture#seeds()}, built once per test JVM); each caller gets its own copy to serve or change. */
final class Seed {
    static final String DOCUMENT_002 = CG.documentIri("002_880d95a52fef6df5");
    static final String TITLE_002 = "Understanding the Magnesium-Serotonin Connection";
    static final int DOCUMENTS = 5;
    static final String DOCUMENTS_GRAPH = GraphNames.DOCUMENTS;
    static final String PREFIXES = """
            PREFIX cg: <https://w3id.org/claimgraph/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    private Seed() {}

    static synchronized DatasetGraph copy() {
        DatasetGraph source = QueryFixture.seeds();
        DatasetGraph copy = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(source, () -> Txn.executeWrite(copy, () -> {
            source.find().forEachRemaining(copy::add);
            copy.prefixes().putAll(source.prefixes());
        }));
        return copy;
    }
}
