# A curator adds a line of evidence to a claim (?claim) under review: its ECO class (?type, a subclass of
# cg:Evidence), its direction (cg:Supports or cg:Disputes), the reference it rests on (?reference) and a note in
# words (?note). The line is attributed with PROV-O to ?writer at ?writtenAt, bound by the server.
PREFIX cg:      <https://w3id.org/claimgraph/ontology#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov:    <http://www.w3.org/ns/prov#>

INSERT { GRAPH ?g {
  ?claim cg:evidence ?line .
  ?line a ?type ; cg:direction ?direction ; cg:reference ?reference ; cg:note ?note ;
        prov:wasAttributedTo ?writer ; prov:generatedAtTime ?writtenAt .
} }
WHERE {
  GRAPH ?g { ?claim a cg:Claim ; cg:status ?status }
  ?type rdfs:subClassOf+ cg:Evidence .
  ?reference a cg:Reference .
  FILTER (?direction IN (cg:Supports, cg:Disputes))
  BIND (IRI(CONCAT(STR(?claim), "/evidence/", STRUUID())) AS ?line)
}
