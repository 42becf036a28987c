package org.w3id.claimgraph.ingest;

import java.time.LocalDate;

/** What the metadata file of an ingested document says (seeds/documents/ID.ttl). */
public record DocumentMetadata(String id, String title, String publisher, LocalDate published, String url, String genre,
                               boolean sellsWhatItDescribes, String sha256) {}
