# How many claims have each value of each facet property (cg:FacetTotal), over every claim.
PREFIX cg:      <https://w3id.org/claimgraph/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sh:      <http://www.w3.org/ns/shacl#>
PREFIX cgr:     <https://w3id.org/claimgraph/rules#>
PREFIX void:    <http://rdfs.org/ns/void#>
PREFIX oa:      <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>

INSERT {
  GRAPH <https://w3id.org/claimgraph/id/graph/summaries> {
    ?total a cg:FacetTotal ; cg:facetProperty ?property ; cg:facetValue ?value ; void:entities ?count .
  }
}
WHERE {
  {
    SELECT ?property ?value (COUNT(DISTINCT ?claim) AS ?count)
    WHERE {
      ?property a cg:FacetProperty .
      ?claim ?property ?value .
      ?claim a cg:Claim .
    }
    GROUP BY ?property ?value
  }
  BIND (BNODE() AS ?total)
}
