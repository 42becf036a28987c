package org.w3id.claimgraph.build;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.BuildProblem;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.SourceLines;
import org.w3id.claimgraph.project.StrictRdfReader;

/**
 * Reads one source document: its text (byte for byte, checked against the SHA-256 in its metadata)
 * and its metadata file, and adds the text and file name to the metadata so the graph is
 * self-contained: any SPARQL client can re-check a quote against the text.
 */
final class DocumentReader {
    private final ProjectLayout layout;
    private final StrictRdfReader reader;

    DocumentReader(ProjectLayout layout, StrictRdfReader reader) {
        this.layout = layout;
        this.reader = reader;
    }

    record Document(SourceText text, Graph metadata) {}

    Document read(Path textFile, List<BuildProblem> problems) {
        String fileName = textFile.getFileName().toString();
        String id = fileName.substring(0, fileName.length() - ".txt".length());
        Path metadataFile = textFile.resolveSibling(id + ".ttl");
        String shownText = layout.display(textFile);
        String shownMetadata = layout.display(metadataFile);
        if (!Files.isRegularFile(metadataFile)) {
            problems.add(BuildProblem.inFile(shownText, "the document has no metadata file " + shownMetadata));
            return null;
        }
        SourceText text;
        try {
            text = SourceText.of(id, textFile, Files.readAllBytes(textFile));
        } catch (CharacterCodingException e) {
            problems.add(BuildProblem.inFile(shownText, "the text is not valid UTF-8"));
            return null;
        } catch (IOException e) {
            throw new InputException(shownText + ": cannot read: " + e.getMessage(), e);
        }
        Graph metadata;
        try {
            metadata = reader.readGraph(metadataFile);
        } catch (BuildFailure e) {
            problems.addAll(e.problems());
            return null;
        }
        Node doc = NodeFactory.createURI(CG.documentIri(id));
        if (!metadata.contains(doc, RDF.type.asNode(), CG.SourceDocument)) {
            problems.add(BuildProblem.inFile(shownMetadata, "the metadata must describe <" + doc.getURI()
                    + "> as a cg:SourceDocument (the IRI follows the file name)"));
            return null;
        }
        List<Triple> declared = metadata.find(doc, CG.sha256, Node.ANY).toList();
        for (Triple t : declared) {
            String expected = t.getObject().getLiteralLexicalForm();
            if (!expected.equals(text.sha256())) {
                problems.add(SourceLines.locate(BuildProblem.inFile(shownMetadata,
                        "checksum mismatch for " + shownText + ": the metadata says " + expected
                                + " but the text's SHA-256 is " + text.sha256()), metadataFile, expected));
            }
        }
        metadata.add(Triple.create(doc, CG.fileName, NodeFactory.createLiteralString(fileName)));
        metadata.add(Triple.create(doc, CG.text, NodeFactory.createLiteralString(text.text())));
        return new Document(text, metadata);
    }
}
