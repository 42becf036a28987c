# The minerals, forms, mechanisms and outcomes each claim is about: those its subject or object is or falls
# under (skos:broader, transitively). The closure is taken once per concept, then joined to the claims.
PREFIX cg:      <https://w3id.org/claimgraph/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sh:      <http://www.w3.org/ns/shacl#>
PREFIX cgr:     <https://w3id.org/claimgraph/rules#>
PREFIX void:    <http://rdfs.org/ns/void#>
PREFIX oa:      <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>

INSERT { GRAPH <https://w3id.org/claimgraph/id/graph/summaries> { ?claim ?about ?concept } }
WHERE {
  {
    SELECT DISTINCT ?direct ?about ?concept
    WHERE {
      VALUES (?type ?about) {
        (cg:Mineral cg:aboutMineral) (cg:Form cg:aboutForm) (cg:Mechanism cg:aboutMechanism) (cg:Outcome cg:aboutOutcome)
      }
      ?concept a ?type .
      ?direct skos:broader* ?concept .
    }
  }
  { ?claim cg:subject ?direct } UNION { ?claim cg:object ?direct }
  ?claim a cg:Claim .
}
