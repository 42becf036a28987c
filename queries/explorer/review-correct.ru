# A curator corrects a candidate (?claim) and accepts it: subject, relation and object (concept and relation
# IRIs), hedged and negated, and its qualifier (?qualifierText, empty for none) replace what ingest
# proposed; the decision is recorded with PROV-O (cg:corrected true), ?writer and ?writtenAt bound by the server.
PREFIX cg:      <https://w3id.org/claimgraph/ontology#>
PREFIX oa:      <http://www.w3.org/ns/oa#>
PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov:    <http://www.w3.org/ns/prov#>
PREFIX sh:      <http://www.w3.org/ns/shacl#>
PREFIX cgr:     <https://w3id.org/claimgraph/rules#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX obo:     <http://purl.obolibrary.org/obo/>

DELETE { GRAPH ?g {
  ?claim cg:status cg:Candidate ; cg:subject ?oldSubject ; cg:relation ?oldRelation ; cg:object ?oldObject ;
         cg:hedged ?oldHedged ; cg:negated ?oldNegated ; cg:qualifier ?oldQualifier .
} }
INSERT { GRAPH ?g {
  ?claim cg:status cg:Accepted ; cg:subject ?subject ; cg:relation ?relation ; cg:object ?object ;
         cg:hedged ?hedged ; cg:negated ?negated ; cg:qualifier ?qualifier .
  ?activity a cg:ReviewDecision ; prov:used ?claim ; cg:decision cg:Accepted ; cg:corrected true ;
            prov:wasAssociatedWith ?writer ; prov:endedAtTime ?writtenAt .
} }
WHERE {
  GRAPH ?g { ?claim a cg:Claim ; cg:status cg:Candidate ; cg:subject ?oldSubject ; cg:relation ?oldRelation ; cg:object ?oldObject }
  OPTIONAL { GRAPH ?g { ?claim cg:hedged ?oldHedged } }
  OPTIONAL { GRAPH ?g { ?claim cg:negated ?oldNegated } }
  OPTIONAL { GRAPH ?g { ?claim cg:qualifier ?oldQualifier } }
  ?subject a ?subjectType . ?subjectType rdfs:subClassOf* cg:Concept .
  ?object a ?objectType . ?objectType rdfs:subClassOf* cg:Concept .
  ?relation a cg:Relation .
  BIND (IF(STRLEN(?qualifierText) > 0, ?qualifierText, ?none) AS ?qualifier)
  BIND (IRI(CONCAT(STR(?claim), "/review/", STRUUID())) AS ?activity)
}
