package org.w3id.claimgraph.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.w3id.claimgraph.load.InputException;

/**
 * A SPARQL query kept as a file in queries/, with a header of comment lines that describe it:
 * <pre>
 * # title: Claims per document
 * # description: How many claims each source document makes.
 * # param: doc iri - Only this document (optional)
 * </pre>
 * A parameter line is {@code # param: NAME TYPE DEFAULT description}, where DEFAULT is {@code -} when
 * the parameter has none.
 */
public record NamedQuery(String name, String title, String description, List<Param> params, String text, Path file) {

    public record Param(String name, String type, String defaultValue, String description) {
        public boolean required() {
            return defaultValue == null;
        }
    }

    public static NamedQuery read(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".rq") ? fileName.substring(0, fileName.length() - 3) : fileName;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        String title = name;
        String description = "";
        List<Param> params = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("#")) break;
            String body = trimmed.substring(1).strip();
            int colon = body.indexOf(':');
            if (colon < 0) continue;
            String key = body.substring(0, colon).strip();
            String value = body.substring(colon + 1).strip();
            switch (key) {
                case "title" -> title = value;
                case "description" -> description = description.isEmpty() ? value : description + " " + value;
                case "param" -> params.add(parseParam(file, value));
                default -> { }
            }
        }
        return new NamedQuery(name, title, description, List.copyOf(params), text, file);
    }

    private static Param parseParam(Path file, String spec) {
        String[] parts = spec.split("\\s+", 4);
        if (parts.length < 3) {
            throw new InputException(file + ": a param line needs NAME TYPE DEFAULT [description]: " + spec);
        }
        String def = parts[2].equals("-") ? null : parts[2];
        return new Param(parts[0], parts[1], def, parts.length > 3 ? parts[3] : "");
    }

    /** The parsed query; a syntax error names the file, line and column. */
    public Query parse() {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new InputException(file + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        }
    }
}
