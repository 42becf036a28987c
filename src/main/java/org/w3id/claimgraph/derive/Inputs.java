package org.w3id.claimgraph.derive;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;

/**
 * The predicates the derivation reads: every IRI its definitions' queries name, rdf:type, and the ontology's own
 * (cg:) and SKOS properties, which its code reads. A change whose every quad is outside the ontology graph and
 * has none of these predicates (a comment, a label the queries do not read) cannot change what it derives.
 * A definition with a variable predicate reads everything.
 */
final class Inputs {
    private static final Pattern IRI = Pattern.compile("<([^<>\\s]+)>");
    private static final Node ONTOLOGY = NodeFactory.createURI(GraphNames.ONTOLOGY);

    private final Set<String> predicates = new HashSet<>();
    private boolean everything;

    Inputs(Definitions definitions) {
        List<Query> queries = new ArrayList<>(List.of(definitions.lineStart(), definitions.recordedLimitations()));
        for (Factor f : definitions.factors()) {
            queries.addAll(f.lineConditions());
            queries.addAll(f.claimConditions());
        }
        definitions.derivationsBefore().forEach(d -> queries.add(d.query()));
        definitions.derivationsAfter().forEach(d -> queries.add(d.query()));
        queries.forEach(this::add);
    }

    private void add(Query query) {
        Query plain = QueryFactory.create(query);
        plain.setPrefixMapping(PrefixMapping.Factory.create());
        Matcher iris = IRI.matcher(plain.serialize());
        while (iris.find()) predicates.add(iris.group(1));
        ElementWalker.walk(plain.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementPathBlock el) {
                for (TriplePath t : el.getPattern().getList()) {
                    if (t.isTriple() && t.getPredicate().isVariable()) everything = true;
                }
            }
        });
    }

    /** Whether changing {@code quads} can change what the derivation derives. */
    boolean affectedBy(Collection<Quad> quads) {
        if (everything) return !quads.isEmpty();
        return quads.stream().anyMatch(this::reads);
    }

    /** Whether the derivation reads {@code quad}: every quad of the ontology graph, and those of a predicate it reads. */
    boolean reads(Quad quad) {
        return everything || quad.getGraph().equals(ONTOLOGY) || read(quad.getPredicate());
    }

    private boolean read(Node p) {
        if (!p.isURI()) return true;
        String iri = p.getURI();
        return predicates.contains(iri) || iri.equals(RDF.type.getURI()) || iri.startsWith(CG.NS) || iri.startsWith(SKOS.uri);
    }
}
