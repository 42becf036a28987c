package org.w3id.claimgraph.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.vocabulary.RDF;

/**
 * The shapes indexed by what they target (sh:targetClass and implicit class targets, sh:targetNode,
 * sh:targetSubjectsOf, sh:targetObjectsOf), so that a node is matched with the few shapes that can target it
 * rather than every shape searching the data for it; shapes with any other target (sh:target) are asked as
 * Jena asks them. The shapes found are those Jena's validation of a single node would validate.
 */
final class ShapeTargets {
    private final Shapes shapes;
    private final List<Shape> inOrder = new ArrayList<>();
    private final Map<Node, Set<Shape>> byClass = new HashMap<>();
    private final Map<Node, Set<Shape>> byNode = new HashMap<>();
    private final Map<Node, Set<Shape>> bySubjectOf = new HashMap<>();
    private final Map<Node, Set<Shape>> byObjectOf = new HashMap<>();
    private final Set<Shape> asked = new HashSet<>();

    ShapeTargets(Shapes shapes) {
        this.shapes = shapes;
        for (Shape shape : shapes.getTargetShapes()) {
            inOrder.add(shape);
            for (Target target : shape.getTargets()) {
                switch (target.getTargetType()) {
                    case targetClass, implicitClass -> index(byClass, target.getObject(), shape);
                    case targetNode -> index(byNode, target.getObject(), shape);
                    case targetSubjectsOf -> index(bySubjectOf, target.getObject(), shape);
                    case targetObjectsOf -> index(byObjectOf, target.getObject(), shape);
                    default -> asked.add(shape);
                }
            }
        }
    }

    Shapes shapes() {
        return shapes;
    }

    /** The shapes that target {@code node} in {@code data}, in the order Jena validates them. */
    List<Shape> targeting(Node node, Graph data, SuperClasses superClasses) {
        Set<Shape> found = new HashSet<>(byNode.getOrDefault(node, Set.of()));
        data.find(node, RDF.type.asNode(), Node.ANY).forEachRemaining(typed -> {
            for (Node type : superClasses.of(typed.getObject())) found.addAll(byClass.getOrDefault(type, Set.of()));
        });
        bySubjectOf.forEach((predicate, targeted) -> {
            if (data.contains(node, predicate, Node.ANY)) found.addAll(targeted);
        });
        byObjectOf.forEach((predicate, targeted) -> {
            if (data.contains(Node.ANY, predicate, node)) found.addAll(targeted);
        });
        for (Shape shape : asked) {
            if (VLib.isFocusNode(shape, node, data)) found.add(shape);
        }
        return inOrder.stream().filter(found::contains).toList();
    }

    private static void index(Map<Node, Set<Shape>> index, Node key, Shape shape) {
        index.computeIfAbsent(key, k -> new HashSet<>()).add(shape);
    }
}
