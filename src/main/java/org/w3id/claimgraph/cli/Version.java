package org.w3id.claimgraph.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"claimgraph " + (v == null ? "development" : v) + " (Apache Jena 5.6.0, Java " + Runtime.version() + ")"};
    }
}
