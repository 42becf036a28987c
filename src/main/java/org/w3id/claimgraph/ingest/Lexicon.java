package org.w3id.claimgraph.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.claimgraph.project.InputException;

/**
 * The ingest lexicons, read from ontology/lexicon/*.ttl: every cue the pipeline matches, with what it
 * means. Nothing here is a word list in Java; the schema is ontology/lexicon/lexicon.ttl.
 */
public final class Lexicon {
    static final String LEX = "https://w3id.org/claimgraph/lexicon#";
    static final String CG = "https://w3id.org/claimgraph/ontology#";

    /** A relation cue: the relation it states, the one for an outcome object, and how it reads. */
    record RelationCue(String id, String relation, String outcomeRelation, boolean inverse, boolean light, boolean symmetric,
                       boolean comparative, boolean chains) {
        String relationFor(Concept object) {
            return outcomeRelation != null && object.isOutcome() ? outcomeRelation : relation;
        }
    }

    enum ScopeKind { HEDGE, NEGATION, PSEUDO }

    enum Direction { FORWARD, BACKWARD, SENTENCE }

    /** A hedge, negation or pseudo-negation trigger with its scope. */
    record ScopedCue(ScopeKind kind, Direction direction, int window) {}

    /** Words that name a state of the concept next to them: the nouns of the state's label, and on which side they stand. */
    record StateMarker(boolean after, List<String> nouns) {}

    /** A pattern that finds a work's identifier: group 1 is the identifier, recorded with {@code property}. */
    record IdentifierPattern(String label, Pattern pattern, String property) {}

    final PhraseIndex<RelationCue> relations = new PhraseIndex<>();
    final PhraseIndex<ScopedCue> scoped = new PhraseIndex<>();
    final PhraseIndex<Boolean> terminators = new PhraseIndex<>();
    final PhraseIndex<Integer> directness = new PhraseIndex<>();
    final PhraseIndex<String> citationCues = new PhraseIndex<>();
    /** Named sources by their label: a proper name matches only in its own case ("WHO", not "who"). */
    final PhraseIndex<String> namedSources = new PhraseIndex<>();
    final List<IdentifierPattern> identifiers = new ArrayList<>();
    final PhraseIndex<Boolean> anaphors = new PhraseIndex<>();
    final PhraseIndex<String> roles = new PhraseIndex<>();
    final PhraseIndex<String> routes = new PhraseIndex<>();
    /** Nouns that refer back to concepts of a type ("this mineral"): the type's local name (Mineral). */
    final PhraseIndex<String> typeNouns = new PhraseIndex<>();
    /** The default comparator of the forms of a mineral, by the mineral's IRI. */
    final Map<String, String> defaultComparators = new LinkedHashMap<>();
    final PhraseIndex<StateMarker> statesBefore = new PhraseIndex<>();
    final PhraseIndex<StateMarker> statesAfter = new PhraseIndex<>();
    /** Raw words per quantity role (lex:Daily, lex:Fold, ...), for the quantity patterns. */
    final Map<String, List<String>> quantityWords = new LinkedHashMap<>();
    final Map<String, BigDecimal> massUnits = new LinkedHashMap<>();
    final Map<String, String> timeUnits = new LinkedHashMap<>();
    final Map<String, BigDecimal> numberWords = new LinkedHashMap<>();
    /** Ratings in a table cell (High, Good, Poor) with their rank. */
    final PhraseIndex<BigDecimal> ratings = new PhraseIndex<>();

    private Lexicon() {}

    /** Reads every *.ttl file of the lexicon directory. */
    public static Lexicon load(Path dir) {
        return of(TurtleFiles.read(dir, "the ingest lexicons (ontology/lexicon/)"));
    }

    static Lexicon of(Graph g) {
        Lexicon lex = new Lexicon();
        for (Node cue : typed(g, "RelationCue")) {
            RelationCue value = new RelationCue(cue.getLocalName(), iri(g, cue, "relation"), iri(g, cue, "outcomeRelation"),
                    bool(g, cue, "inverse"), bool(g, cue, "light"), bool(g, cue, "symmetric"), bool(g, cue, "comparative"),
                    bool(g, cue, "chains"));
            if (value.relation() == null) throw new InputException("lexicon: " + cue.getURI() + " has no lex:relation");
            labels(g, cue).forEach(l -> lex.relations.add(l, value));
        }
        for (String type : List.of("HedgeCue", "NegationCue", "PseudoNegation")) {
            ScopeKind kind = type.equals("HedgeCue") ? ScopeKind.HEDGE : type.equals("NegationCue") ? ScopeKind.NEGATION : ScopeKind.PSEUDO;
            for (Node cue : typed(g, type)) {
                String scope = iri(g, cue, "scope");
                Direction direction = scope == null || scope.endsWith("Forward") ? Direction.FORWARD
                        : scope.endsWith("Backward") ? Direction.BACKWARD : Direction.SENTENCE;
                BigDecimal window = decimal(g, cue, "window");
                ScopedCue value = new ScopedCue(kind, direction, window == null ? 6 : window.intValue());
                labels(g, cue).forEach(l -> lex.scoped.add(l, value));
            }
        }
        typed(g, "ScopeTerminator").forEach(n -> labels(g, n).forEach(l -> lex.terminators.add(l, true)));
        for (Node n : typed(g, "DirectnessCue")) {
            BigDecimal window = decimal(g, n, "window");
            labels(g, n).forEach(l -> lex.directness.add(l, window == null ? 3 : window.intValue()));
        }
        for (Node n : typed(g, "CitationCue")) {
            String kind = required(iri(g, n, "citationKind"), n, "lex:citationKind");
            labels(g, n).forEach(l -> lex.citationCues.add(l, kind));
        }
        for (Node n : typed(g, "NamedSource")) {
            required(iri(g, n, "citationKind"), n, "lex:citationKind");
            labels(g, n).forEach(l -> lex.namedSources.add(l, l));
        }
        for (Node n : typed(g, "IdentifierPattern")) {
            String regex = required(literal(g, n, "pattern"), n, "lex:pattern");
            try {
                lex.identifiers.add(new IdentifierPattern(labels(g, n).get(0), Pattern.compile(regex),
                        required(iri(g, n, "identifierProperty"), n, "lex:identifierProperty")));
            } catch (PatternSyntaxException e) {
                throw new InputException("lexicon: " + n.getURI() + ": bad lex:pattern: " + e.getDescription(), e);
            }
        }
        typed(g, "Anaphor").forEach(n -> labels(g, n).forEach(l -> lex.anaphors.add(l, true)));
        for (Node n : typed(g, "WordList")) {
            String role = required(iri(g, n, "role"), n, "lex:role");
            labels(g, n).forEach(l -> lex.roles.add(l, role.substring(LEX.length())));
        }
        for (Node n : typed(g, "QuantityCue")) {
            String role = required(iri(g, n, "role"), n, "lex:role").substring(LEX.length());
            lex.quantityWords.computeIfAbsent(role, k -> new ArrayList<>()).addAll(labels(g, n));
        }
        for (Node n : typed(g, "Unit")) {
            BigDecimal mg = decimal(g, n, "milligrams");
            String qudt = iri(g, n, "qudtUnit");
            for (String l : labels(g, n)) {
                if (mg != null) lex.massUnits.put(l, mg);
                if (qudt != null) lex.timeUnits.put(l, qudt);
            }
        }
        for (Node n : typed(g, "NumberWord")) {
            BigDecimal v = required(decimal(g, n, "value"), n, "lex:value");
            labels(g, n).forEach(l -> lex.numberWords.put(l.toLowerCase(java.util.Locale.ROOT), v));
        }
        for (Node n : typed(g, "RatingWord")) {
            BigDecimal v = required(decimal(g, n, "value"), n, "lex:value");
            labels(g, n).forEach(l -> lex.ratings.add(l, v));
        }
        for (Node n : typed(g, "RouteCue")) {
            String route = required(iri(g, n, "route"), n, "lex:route");
            labels(g, n).forEach(l -> lex.routes.add(l, route));
        }
        for (Node n : typed(g, "DefaultComparator")) {
            lex.defaultComparators.put(required(iri(g, n, "forMineral"), n, "lex:forMineral"), required(iri(g, n, "comparator"), n, "lex:comparator"));
        }
        for (Node n : typed(g, "TypeNoun")) {
            String type = required(iri(g, n, "conceptType"), n, "lex:conceptType");
            labels(g, n).forEach(l -> lex.typeNouns.add(l, type.substring(type.lastIndexOf('#') + 1)));
        }
        for (Node n : typed(g, "StateMarker")) {
            String position = required(iri(g, n, "position"), n, "lex:position");
            List<String> nouns = new ArrayList<>();
            g.find(n, NodeFactory.createURI(LEX + "stateNoun"), Node.ANY).forEachRemaining(t -> nouns.add(t.getObject().getLiteralLexicalForm()));
            if (nouns.isEmpty()) throw new InputException("lexicon: " + n.getURI() + " has no lex:stateNoun");
            nouns.sort(null);
            boolean after = position.equals(LEX + "After");
            StateMarker value = new StateMarker(after, List.copyOf(nouns));
            labels(g, n).forEach(l -> (after ? lex.statesAfter : lex.statesBefore).add(l, value));
        }
        return lex;
    }

    private static <T> T required(T value, Node n, String what) {
        if (value == null) throw new InputException("lexicon: " + n.getURI() + " has no " + what);
        return value;
    }

    private static List<Node> typed(Graph g, String type) {
        List<Node> nodes = new ArrayList<>(g.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(LEX + type))
                .mapWith(Triple::getSubject).toList());
        nodes.sort(Comparator.comparing(Node::toString));
        return nodes;
    }

    /** The prefLabel, then the altLabels in lexical order. */
    static List<String> labels(Graph g, Node n) {
        List<String> out = new ArrayList<>();
        g.find(n, SKOS.prefLabel.asNode(), Node.ANY).forEachRemaining(t -> out.add(t.getObject().getLiteralLexicalForm()));
        List<String> alt = new ArrayList<>();
        g.find(n, SKOS.altLabel.asNode(), Node.ANY).forEachRemaining(t -> alt.add(t.getObject().getLiteralLexicalForm()));
        alt.sort(null);
        out.addAll(alt);
        return out;
    }

    private static Node value(Graph g, Node s, String property) {
        List<Triple> found = g.find(s, NodeFactory.createURI(LEX + property), Node.ANY).toList();
        return found.isEmpty() ? null : found.get(0).getObject();
    }

    private static String iri(Graph g, Node s, String property) {
        Node v = value(g, s, property);
        return v != null && v.isURI() ? v.getURI() : null;
    }

    private static String literal(Graph g, Node s, String property) {
        Node v = value(g, s, property);
        return v != null && v.isLiteral() ? v.getLiteralLexicalForm() : null;
    }

    private static boolean bool(Graph g, Node s, String property) {
        return "true".equals(literal(g, s, property));
    }

    private static BigDecimal decimal(Graph g, Node s, String property) {
        String v = literal(g, s, property);
        return v == null ? null : new BigDecimal(v);
    }

    /** Whether tokens [at, ...) start with a phrase of the given word-list role (lex:BeForm, lex:Agent, ...). */
    PhraseIndex.Match<String> roleAt(List<Token> tokens, int at, String role) {
        PhraseIndex.Match<String> m = roles.longestAt(tokens, at, tokens.size());
        return m != null && m.values().contains(role) ? m : null;
    }

    /** Whether tokens [from, to) are only list punctuation and coordinators ("," "and" "or"), or none (a compound). */
    boolean onlyCoordinators(List<Token> tokens, int from, int to) {
        if (from > to) return false;
        int i = from;
        while (i < to) {
            PhraseIndex.Match<String> m = roleAt(tokens, i, "Coordinator");
            if (m == null) return false;
            i = m.to();
        }
        return true;
    }

    boolean isFunctionWord(Token t) {
        PhraseIndex.Match<String> m = roles.longestAt(List.of(t), 0, 1);
        return m != null && m.values().contains("FunctionWord");
    }
}
