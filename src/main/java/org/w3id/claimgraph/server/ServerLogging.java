package org.w3id.claimgraph.server;

import org.apache.jena.fuseki.Fuseki;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The CLI is quiet (log4j2.properties: warnings only); a running server logs each request, as Fuseki
 * does, on standard error.
 */
final class ServerLogging {
    private ServerLogging() {}

    static void logRequests() {
        Configurator.setLevel(Fuseki.actionLogName, Level.INFO);
        Configurator.setLevel(Fuseki.serverLogName, Level.INFO);
    }
}
