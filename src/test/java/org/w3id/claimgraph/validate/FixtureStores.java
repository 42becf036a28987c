package org.w3id.claimgraph.validate;

import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * The same built graph in the two other places validation reads from: a real Fuseki on port 0
 * (read-only, union default graph) and a TDB2 database in a directory the test owns.
 */
public record FixtureStores(FusekiServer server, DatasetGraph tdb) implements AutoCloseable {

    public static FixtureStores of(Dataset dataset, Path tdbDir) {
        FusekiServer server = FusekiServer.create().port(0)
                .add("/kg", GraphSource.unionView(dataset.asDatasetGraph()), false).build().start();
        DatasetGraph tdb = TDB2Factory.connectDataset(tdbDir.toString()).asDatasetGraph();
        Txn.executeWrite(tdb, () -> dataset.asDatasetGraph().find().forEachRemaining(tdb::add));
        return new FixtureStores(server, tdb);
    }

    @Override
    public void close() {
        server.stop();
        TDBInternal.expel(tdb);
    }
}
