/**
 * Ingest: turns a new article (plain text or HTML) into a source document of the project home and its
 * candidate claims in the compact claim format, each marked {@code cg:status cg:Candidate}.
 *
 * <p>The pipeline is offline and deterministic, and every word list it uses is data in
 * {@code ontology/lexicon/*.ttl} (SKOS): sentences from Apache OpenNLP with character offsets
 * ({@link org.w3id.claimgraph.ingest.TextUnits}); concepts from every label of the project's concepts,
 * longest match first, case- and plural-insensitive ({@link org.w3id.claimgraph.ingest.ConceptIndex}), with the
 * states markers name ({@link org.w3id.claimgraph.ingest.ConceptStates}: "low magnesium") and the concepts
 * demonstratives refer back to ({@link org.w3id.claimgraph.ingest.Antecedents}: "this mineral"); relation and
 * direction from the relation cues and the words around them ({@link org.w3id.claimgraph.ingest.ClaimExtractor},
 * {@link org.w3id.claimgraph.ingest.ClauseReader}, {@link org.w3id.claimgraph.ingest.Comparisons},
 * {@link org.w3id.claimgraph.ingest.TableRows}), hedging and negation NegEx-style, citations, doses and quantities. Its result is a list of
 * {@link org.w3id.claimgraph.ingest.Candidate} records, written by
 * {@link org.w3id.claimgraph.ingest.CompactClaimWriter} (reusable for any list of claims, such as
 * accepted ones) and saved all or nothing by {@link org.w3id.claimgraph.ingest.Ingest}.
 * {@link org.w3id.claimgraph.ingest.IngestEvaluation} measures the candidates against curated claims.
 * May use: project, build (the home is built to measure and to anchor quotes), generate (generated articles, its file tree helpers).
 */
@Uses({"project", "build", "generate"})
package org.w3id.claimgraph.ingest;

import org.w3id.claimgraph.project.Uses;
