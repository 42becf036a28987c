# A curator's decision on a candidate (?claim) as it stands: ?decision is cg:Accepted or cg:Rejected. The claim
# takes the decision as its status and the decision is recorded with PROV-O; ?writer and ?writtenAt are bound by
# the server (the authenticated user and its time), never by the page. Only a candidate can be decided.
PREFIX cg:      <https://w3id.org/claimgraph/ontology#>
PREFIX oa:      <http://www.w3.org/ns/oa#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov:    <http://www.w3.org/ns/prov#>
PREFIX sh:      <http://www.w3.org/ns/shacl#>
PREFIX cgr:     <https://w3id.org/claimgraph/rules#>
PREFIX obo:     <http://purl.obolibrary.org/obo/>

DELETE { GRAPH ?g { ?claim cg:status cg:Candidate } }
INSERT { GRAPH ?g {
  ?claim cg:status ?decision .
  ?activity a cg:ReviewDecision ; prov:used ?claim ; cg:decision ?decision ; cg:corrected false ;
            prov:wasAssociatedWith ?writer ; prov:endedAtTime ?writtenAt .
} }
WHERE {
  GRAPH ?g { ?claim a cg:Claim ; cg:status cg:Candidate }
  FILTER (?decision IN (cg:Accepted, cg:Rejected))
  BIND (IRI(CONCAT(STR(?claim), "/review/", STRUUID())) AS ?activity)
}
