# The types of each claim's lines of evidence (subclasses of cg:Evidence: ECO classes).
PREFIX cg:      <https://w3id.org/claimgraph/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sh:      <http://www.w3.org/ns/shacl#>
PREFIX cgr:     <https://w3id.org/claimgraph/rules#>
PREFIX void:    <http://rdfs.org/ns/void#>
PREFIX oa:      <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>

INSERT { GRAPH <https://w3id.org/claimgraph/id/graph/summaries> { ?claim cg:evidenceType ?type } }
WHERE {
  ?claim a cg:Claim ; cg:evidence ?evidence .
  ?evidence a ?type .
  ?type rdfs:subClassOf cg:Evidence .
}
