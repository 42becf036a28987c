package org.w3id.claimgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.support.JudgementCase;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;

/**
 * Every grading factor of ontology/grading.ttl, and the messages of the rules of ontology/rules.ttl, against small
 * graphs, as the manifests of src/test/resources/judgements/ say (W3C test-manifest vocabulary, mf:, with the
 * expected results in cgt:): one folder per factor or behaviour of the grading (grading/), each with cases where it
 * applies and cases where it does not, and per rule (rules/) the messages it writes on its fixtures, which are the
 * case files of src/test/resources/rules/RULE/flagged|passes ({@link RuleCasesTest} checks that each rule flags and
 * passes them). Each case graph is made as the build makes it ({@link JudgementCase}), derived, and validated by
 * both engines, which must agree.
 */
class JudgementManifestTest {
    static final Path ROOT = Path.of("src/test/resources/judgements");
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String CGT = "https://w3id.org/claimgraph/test#";
    static final Node OBO_NO_EVIDENCE_FOUND = NodeFactory.createURI("http://purl.obolibrary.org/obo/ECO_0000035");

    static ProjectLayout layout;
    static Validator validator;
    static final Map<Path, Case> cases = new HashMap<>();

    /** One derived case graph and its findings. */
    record Case(DatasetGraph dataset, Graph union, List<Finding> findings) {}

    @BeforeAll
    static void rules() {
        layout = ProjectLayout.locate();
        validator = Validator.load(layout);
    }

    @TestFactory
    Stream<DynamicNode> judgements() throws IOException {
        List<Path> manifests;
        try (Stream<Path> walk = Files.walk(layout.home().resolve(ROOT))) {
            manifests = walk.filter(p -> p.getFileName().toString().equals("manifest.ttl")).sorted().toList();
        }
        assertFalse(manifests.isEmpty(), "no manifests under " + ROOT);
        return manifests.stream().map(JudgementManifestTest::manifest);
    }

    @org.junit.jupiter.api.Test
    void everyFactorHasCasesWhereItAppliesAndCasesWhereItDoesNot() throws IOException {
        Path root = layout.home().resolve(ROOT);
        Graph all = graphOfAllManifests(root.resolve("grading"));
        Graph ontology = RDFDataMgr.loadGraph(layout.ontologyDir().resolve("grading.ttl").toString());
        for (Node factor : ontology.find(Node.ANY, RDF.type.asNode(), CG.cg("GradingFactor")).mapWith(Triple::getSubject).toList()) {
            List<Node> tests = all.find(Node.ANY, cgt("factor"), factor).mapWith(Triple::getSubject).toList();
            assertTrue(tests.stream().anyMatch(t -> change(all, t) != 0), factor.getLocalName() + " has a case where it applies");
            assertTrue(tests.stream().anyMatch(t -> change(all, t) == 0), factor.getLocalName() + " has a case where it does not");
        }
    }

    private static DynamicContainer manifest(Path file) {
        Graph m = RDFDataMgr.loadGraph(file.toUri().toString());
        Node manifest = m.find(Node.ANY, RDF.type.asNode(), mf("Manifest")).next().getSubject();
        String label = value(m, manifest, RDFS.label.asNode()).getLiteralLexicalForm();
        Node list = value(m, manifest, mf("entries"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Node entry : GraphList.members(new org.apache.jena.sparql.util.graph.GNode(m, list))) {
            String name = value(m, entry, mf("name")).getLiteralLexicalForm();
            Path action = Path.of(java.net.URI.create(value(m, entry, mf("action")).getURI()));
            tests.add(DynamicTest.dynamicTest(name, () -> check(m, entry, load(action))));
        }
        return DynamicContainer.dynamicContainer(file.getParent().getParent().getFileName() + "/" + label, tests);
    }

    private static void check(Graph m, Node entry, Case c) {
        if (m.contains(entry, RDF.type.asNode(), cgt("RuleTest"))) checkRule(m, entry, c);
        else checkGrading(m, entry, c);
    }

    private static void checkRule(Graph m, Node entry, Case c) {
        String rule = value(m, entry, cgt("rule")).getLiteralLexicalForm();
        for (Node claim : values(m, entry, cgt("flags"))) {
            assertTrue(findings(c, claim, rule).size() > 0, rule + " must flag " + CG.shortId(claim.getURI()));
        }
        for (Node claim : values(m, entry, cgt("passes"))) {
            assertEquals(List.of(), findings(c, claim, rule).stream().map(Finding::message).toList(),
                    rule + " must not flag " + CG.shortId(claim.getURI()));
        }
        Node message = value(m, entry, cgt("message"));
        if (message != null) {
            List<String> written = values(m, entry, cgt("flags")).stream().flatMap(claim -> findings(c, claim, rule).stream())
                    .map(Finding::message).toList();
            assertTrue(written.contains(message.getLiteralLexicalForm()), rule + " writes " + message + " on one of its claims: " + written);
        }
    }

    private static void checkGrading(Graph m, Node entry, Case c) {
        Graph g = c.union();
        Node claim = value(m, entry, cgt("claim"));
        String id = CG.shortId(claim.getURI());
        Node derivation = value(g, claim, CG.cg("gradeDerivation"));
        assertNotNull(derivation, id + " has a grade derivation");
        expect(m, entry, "derivedGrade", value(g, claim, CG.cg("derivedGrade")), id + " derived grade");
        expect(m, entry, "grade", value(g, claim, CG.cg("grade")), id + " grade");
        expect(m, entry, "startingGrade", value(g, derivation, CG.cg("startingGrade")), id + " starting grade");
        Node factor = value(m, entry, cgt("factor"));
        if (factor != null) {
            int sum = 0;
            List<String> reasons = new ArrayList<>();
            for (Node step : values(g, derivation, CG.cg("step"))) {
                if (!factor.equals(value(g, step, CG.cg("factor")))) continue;
                sum += ((Number) value(g, step, CG.cg("change")).getLiteralValue()).intValue();
                reasons.add(value(g, step, CG.cg("reason")).getLiteralLexicalForm());
            }
            assertEquals(change(m, entry), sum, id + ": change by " + factor.getLocalName() + " " + reasons);
            Node reason = value(m, entry, cgt("reason"));
            if (reason != null) assertEquals(List.of(reason.getLiteralLexicalForm()), reasons, id + ": reason");
        }
        Node aside = value(m, entry, cgt("setAside"));
        if (aside != null) assertNotNull(value(g, aside, CG.cg("setAside")), aside.getURI() + " is set aside");
        if (value(m, entry, cgt("basedOnNothing")) != null) assertNull(value(g, derivation, CG.cg("basedOn")), id + " rests on nothing");
        Node same = value(m, entry, cgt("sameAssertionAs"));
        if (same != null) assertEquals(value(g, same, CG.cg("assertion")), value(g, claim, CG.cg("assertion")), id + " asserts the same");
        Node other = value(m, entry, cgt("otherAssertionThan"));
        if (other != null) assertFalse(value(g, other, CG.cg("assertion")).equals(value(g, claim, CG.cg("assertion"))), id + " asserts something else");
        if (value(m, entry, cgt("noEvidenceFound")) != null) {
            assertTrue(values(g, claim, CG.evidence).stream().anyMatch(e -> g.contains(e, RDF.type.asNode(), OBO_NO_EVIDENCE_FOUND)),
                    id + " carries an ECO:0000035 line");
        }
    }

    private static void expect(Graph m, Node entry, String property, Node actual, String what) {
        Node expected = value(m, entry, cgt(property));
        if (expected != null) assertEquals(expected, actual, what);
    }

    private static List<Finding> findings(Case c, Node claim, String rule) {
        return c.findings().stream().filter(f -> f.claim().equals(claim.getURI()) && f.rule().equals(rule)).toList();
    }

    /** The case graph with the ontology, the seed concepts and base.ttl, derived and validated (cached per file). */
    static synchronized Case load(Path action) {
        return cases.computeIfAbsent(action, file -> {
            DatasetGraph dsg = JudgementCase.derived(file, file.getParent().getFileName().toString());
            GraphSource source = GraphSource.of(dsg, "judgement case " + file.getFileName());
            List<Finding> shacl = validator.validate(source, RuleEngine.Kind.SHACL, validator.rules().all());
            List<Finding> sparql = validator.validate(source, RuleEngine.Kind.SPARQL, validator.rules().all());
            assertEquals(shacl, sparql, "both engines agree on " + file);
            return new Case(dsg, GraphSource.dataGraph(dsg), shacl);
        });
    }

    private static Graph graphOfAllManifests(Path dir) throws IOException {
        Graph all = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> p.getFileName().toString().equals("manifest.ttl")).toList()) {
                RDFDataMgr.loadGraph(p.toUri().toString()).find().forEachRemaining(all::add);
            }
        }
        return all;
    }

    private static int change(Graph m, Node entry) {
        Node n = value(m, entry, cgt("change"));
        return n == null ? Integer.MIN_VALUE : ((Number) n.getLiteralValue()).intValue();
    }

    private static Node value(Graph g, Node s, Node p) {
        List<Node> v = values(g, s, p);
        return v.isEmpty() ? null : v.get(0);
    }

    private static List<Node> values(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    private static Node mf(String local) {
        return NodeFactory.createURI(MF + local);
    }

    private static Node cgt(String local) {
        return NodeFactory.createURI(CGT + local);
    }
}
