# The dataset's statistics as VoID: entities of each class the graph summary counts, and distinct objects of
# the claims' quote and evidence links, zero included. <https://w3id.org/claimgraph/id/dataset> is the whole dataset.
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
    <https://w3id.org/claimgraph/id/dataset> a void:Dataset ; void:classPartition ?partition .
    ?partition void:class ?class ; void:entities ?count .
  }
}
WHERE {
  {
    SELECT ?class (COUNT(DISTINCT ?entity) AS ?count)
    WHERE {
      VALUES ?class { cg:SourceDocument cg:Claim cg:Reference }
      OPTIONAL { ?entity a ?class }
    }
    GROUP BY ?class
  }
  UNION
  {
    # A concept is typed with a subclass of cg:Concept.
    SELECT ?class (COUNT(DISTINCT ?entity) AS ?count)
    WHERE {
      VALUES ?class { cg:Concept }
      OPTIONAL { ?entity a ?type . ?type rdfs:subClassOf ?class }
    }
    GROUP BY ?class
  }
  BIND (BNODE() AS ?partition)
} ;

INSERT {
  GRAPH <https://w3id.org/claimgraph/id/graph/summaries> {
    <https://w3id.org/claimgraph/id/dataset> void:propertyPartition ?partition .
    ?partition void:property ?property ; void:distinctObjects ?count .
  }
}
WHERE {
  {
    SELECT ?property (COUNT(DISTINCT ?object) AS ?count)
    WHERE {
      VALUES ?property { cg:quote cg:evidence }
      OPTIONAL { ?claim a cg:Claim ; ?property ?object }
    }
    GROUP BY ?property
  }
  BIND (BNODE() AS ?partition)
}
