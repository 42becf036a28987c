package org.w3id.claimgraph.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * Every skos:prefLabel and skos:altLabel of the project's concepts (seeds/concepts/*.ttl), found in a text
 * longest match first, ignoring case, plural endings and hyphenation. A label that two concepts share
 * names the one whose preferred label it is, else the first by IRI.
 */
public final class ConceptIndex {
    private static final String CG = "https://w3id.org/claimgraph/ontology#";
    private final PhraseIndex<Concept> labels = new PhraseIndex<>();
    private final Map<String, Concept> byIri;
    /** For each concept, the concepts skos:related to it (either way), in IRI order. */
    private final Map<String, List<Concept>> related = new HashMap<>();
    /** For each mineral, its forms (cg:formOf), in IRI order. */
    private final Map<String, List<Concept>> forms = new HashMap<>();
    /** For a form of several minerals (calcium and magnesium together), those minerals. */
    private final Map<String, List<Concept>> parts = new HashMap<>();
    /** Each concept union (cg:ConceptUnion) with its members (cg:anyOf), in IRI order. */
    private final Map<Concept, List<Concept>> unions = new TreeMap<>(Comparator.comparing(Concept::iri));

    private ConceptIndex(Map<String, Concept> byIri) {
        this.byIri = byIri;
    }

    /** Reads the concept files of a directory (all *.ttl in it). */
    public static ConceptIndex load(Path conceptsDir) {
        return of(TurtleFiles.read(conceptsDir, "the concepts"));
    }

    /** Builds the index from a graph of concepts. */
    static ConceptIndex of(Graph g) {
        Map<String, Concept> concepts = new TreeMap<>();
        Map<String, String> prefLabels = new HashMap<>();
        Map<String, List<String>> formOfAll = new HashMap<>();
        for (Triple t : g.find(Node.ANY, SKOS.prefLabel.asNode(), Node.ANY).toList()) {
            if (!t.getSubject().isURI() || !t.getObject().isLiteral() || !english(t.getObject())) continue;
            prefLabels.putIfAbsent(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm());
        }
        for (Map.Entry<String, String> e : prefLabels.entrySet()) {
            Node s = org.apache.jena.graph.NodeFactory.createURI(e.getKey());
            Set<String> types = new TreeSet<>();
            g.find(s, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && t.getObject().getURI().startsWith(CG)) types.add(t.getObject().getLocalName());
            });
            if (types.isEmpty()) continue;
            List<String> minerals = new ArrayList<>();
            g.find(s, org.apache.jena.graph.NodeFactory.createURI(CG + "formOf"), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI()) minerals.add(t.getObject().getURI());
            });
            minerals.sort(null);
            concepts.put(e.getKey(), new Concept(e.getKey(), e.getValue(), Set.copyOf(types), minerals.isEmpty() ? null : minerals.get(0)));
            if (minerals.size() > 1) formOfAll.put(e.getKey(), List.copyOf(minerals));
        }
        ConceptIndex index = new ConceptIndex(concepts);
        for (Map.Entry<String, List<String>> e : formOfAll.entrySet()) {
            List<Concept> parts = new ArrayList<>();
            for (String m : e.getValue()) if (concepts.containsKey(m)) parts.add(concepts.get(m));
            index.parts.put(e.getKey(), List.copyOf(parts));
        }
        for (Concept c : concepts.values()) {
            for (String m : formOfAll.getOrDefault(c.iri(), c.formOf() == null ? List.of() : List.of(c.formOf()))) {
                index.forms.computeIfAbsent(m, k -> new ArrayList<>()).add(c);
            }
        }
        for (Triple t : g.find(Node.ANY, SKOS.related.asNode(), Node.ANY).toList()) {
            Concept a = t.getSubject().isURI() ? concepts.get(t.getSubject().getURI()) : null;
            Concept b = t.getObject().isURI() ? concepts.get(t.getObject().getURI()) : null;
            if (a == null || b == null) continue;
            index.related.computeIfAbsent(a.iri(), k -> new ArrayList<>()).add(b);
            index.related.computeIfAbsent(b.iri(), k -> new ArrayList<>()).add(a);
        }
        for (List<Concept> list : index.related.values()) list.sort(Comparator.comparing(Concept::iri));
        for (Triple t : g.find(Node.ANY, org.apache.jena.graph.NodeFactory.createURI(CG + "anyOf"), Node.ANY).toList()) {
            Concept union = t.getSubject().isURI() ? concepts.get(t.getSubject().getURI()) : null;
            Concept member = t.getObject().isURI() ? concepts.get(t.getObject().getURI()) : null;
            if (union != null && member != null) index.unions.computeIfAbsent(union, k -> new ArrayList<>()).add(member);
        }
        for (List<Concept> list : index.unions.values()) list.sort(Comparator.comparing(Concept::iri));
        // Preferred labels first, so that a label shared with another concept's synonym names its owner.
        for (Concept c : concepts.values()) index.labels.add(c.label(), c);
        List<Triple> alt = new ArrayList<>(g.find(Node.ANY, SKOS.altLabel.asNode(), Node.ANY).toList());
        alt.sort(Comparator.comparing((Triple t) -> t.getSubject().toString()));
        for (Triple t : alt) {
            Concept c = t.getSubject().isURI() ? concepts.get(t.getSubject().getURI()) : null;
            if (c != null && t.getObject().isLiteral() && english(t.getObject())) {
                index.labels.add(t.getObject().getLiteralLexicalForm(), c);
            }
        }
        return index;
    }

    private static boolean english(Node literal) {
        String lang = literal.getLiteralLanguage();
        return lang.isEmpty() || lang.toLowerCase().startsWith("en");
    }

    public int size() {
        return byIri.size();
    }

    public Concept get(String iri) {
        return byIri.get(iri);
    }

    /** The concepts named in a unit's tokens, left to right, longest first. */
    List<Mention> find(List<Token> tokens) {
        List<Mention> found = new ArrayList<>();
        for (PhraseIndex.Match<Concept> m : labels.scan(tokens)) {
            found.add(new Mention(m.value(), m.from(), m.to(), tokens.get(m.from()).start(), tokens.get(m.to() - 1).end()));
        }
        return found;
    }

    /**
     * The state of a concept that a marker names ("low magnesium": magnesium deficiency; "magnesium delivered
     * intravenously": intravenous magnesium): the first concept skos:related to it, or form of it, whose preferred
     * label has one of the nouns as a word, trying the nouns in order; or null.
     */
    Concept stateOf(Concept concept, List<String> nouns) {
        List<Concept> candidates = new ArrayList<>(related.getOrDefault(concept.iri(), List.of()));
        candidates.addAll(forms.getOrDefault(concept.iri(), List.of()));
        for (String noun : nouns) {
            String n = Tokenizer.normalizePhrase(noun);
            for (Concept c : candidates) {
                if ((" " + Tokenizer.normalizePhrase(c.label()) + " ").contains(" " + n + " ")) return c;
            }
        }
        return null;
    }

    /**
     * The states a marker names of a concept: its {@link #stateOf state}, or for a form of several minerals ("magnesium
     * and calcium are delivered intravenously") the state of each mineral that has one.
     */
    List<Concept> statesOf(Concept concept, List<String> nouns) {
        List<Concept> out = new ArrayList<>();
        for (Concept part : parts.getOrDefault(concept.iri(), List.of())) {
            Concept state = stateOf(part, nouns);
            if (state != null) out.add(state);
        }
        if (!out.isEmpty()) return out;
        Concept state = stateOf(concept, nouns);
        return state == null ? List.of() : List.of(state);
    }

    /**
     * The concept union (cg:ConceptUnion) that alternatives with a state marker name ("magnesium or calcium levels
     * may be off": low magnesium or calcium levels): the union whose members are, one for each of the {@code
     * alternatives}, skos:related to it, at least one of them with a preferred label that has one of the marker's
     * nouns as a word; or null.
     */
    Concept unionOf(List<Concept> alternatives, List<String> nouns) {
        for (Map.Entry<Concept, List<Concept>> u : unions.entrySet()) {
            List<Concept> members = u.getValue();
            if (members.size() != alternatives.size()) continue;
            List<Concept> left = new ArrayList<>(members);
            for (Concept a : alternatives) {
                List<Concept> near = related.getOrDefault(a.iri(), List.of());
                left.stream().filter(near::contains).findFirst().ifPresent(left::remove);
            }
            if (!left.isEmpty()) continue;
            boolean named = members.stream().anyMatch(m -> nouns.stream().anyMatch(n ->
                    (" " + Tokenizer.normalizePhrase(m.label()) + " ").contains(" " + Tokenizer.normalizePhrase(n) + " ")));
            if (named) return u.getKey();
        }
        return null;
    }

    /** The longest label starting at a token, or null. */
    PhraseIndex.Match<Concept> labelAt(List<Token> tokens, int at) {
        return labels.longestAt(tokens, at, tokens.size());
    }
}
