package org.w3id.claimgraph.build;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDFS;

/**
 * Each class's superclasses in one graph (the class itself included, following rdfs:subClassOf as Jena SHACL
 * does for class targets), each computed once and kept: the build asks for the same few classes at every node.
 */
final class SuperClasses {
    private final Graph hierarchy;
    private final Map<Node, Set<Node>> known = new HashMap<>();

    SuperClasses(Graph hierarchy) {
        this.hierarchy = hierarchy;
    }

    Set<Node> of(Node type) {
        return known.computeIfAbsent(type, t -> G.superClasses(hierarchy, t));
    }

    /**
     * These superclasses when {@code added} (the graphs that {@code data} adds to this hierarchy) state no
     * rdfs:subClassOf, else those of {@code data} itself.
     */
    SuperClasses with(Graph data, List<Graph> added) {
        boolean addsSubclasses = added.stream().anyMatch(g -> g.contains(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY));
        return addsSubclasses ? new SuperClasses(data) : this;
    }
}
