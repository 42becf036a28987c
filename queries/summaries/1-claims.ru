# Each claim's grade rank and support status (cg:supportStatus, see ontology/summaries.ttl): "unsupported" is
# the judgement of the rule no-evidence, read from the stored validation report as SHACL records a result;
# "weakly supported" the other claims graded low or very low. The grade is read wherever the graph has it.
PREFIX cg:      <https://w3id.org/claimgraph/ontology#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sh:      <http://www.w3.org/ns/shacl#>
PREFIX cgr:     <https://w3id.org/claimgraph/rules#>
PREFIX void:    <http://rdfs.org/ns/void#>
PREFIX oa:      <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>

INSERT { GRAPH <https://w3id.org/claimgraph/id/graph/summaries> { ?claim cg:gradeRank ?rank ; cg:supportStatus ?status } }
WHERE {
  ?claim a cg:Claim ; cg:grade/cg:rank ?rank .
  BIND (EXISTS { ?result sh:focusNode ?claim ; sh:sourceShape cgr:no-evidence } AS ?unsupported)
  BIND (IF(?unsupported, "unsupported", IF(?rank <= 2, "weakly supported", "not flagged")) AS ?status)
}
