package org.w3id.claimgraph.validate;

import java.io.PrintStream;

/** Renders a report in one format. */
public interface ReportWriter {
    void write(Report report, PrintStream out);
}
