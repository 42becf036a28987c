package org.w3id.claimgraph.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.shared.PrefixMapping;

/**
 * The types a named query's parameter can have. A value is turned into one RDF term of the type; it is
 * never spliced into query text, so a value cannot change the shape of a query.
 */
public enum ParamType {
    /** An IRI, written in full ({@code https://...} or {@code <https://...>}) or as a prefixed name. */
    IRI("iri", "string", "an IRI or a prefixed name such as concept:magnesium"),
    /** A plain string (xsd:string). */
    STRING("string", "string", "a string"),
    /** An xsd:integer, written as digits with an optional sign. */
    INTEGER("integer", "integer", "an integer"),
    /** An xsd:decimal, written as digits with an optional sign and decimal point (no exponent). */
    DECIMAL("decimal", "number", "a decimal number"),
    /** An xsd:boolean: {@code true} or {@code false}. */
    BOOLEAN("boolean", "boolean", "true or false");

    private static final Pattern INTEGER_FORM = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL_FORM = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern PREFIXED_NAME = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)?:([A-Za-z0-9_][A-Za-z0-9_.%-]*)?");
    private static final Pattern IRI_FORBIDDEN = Pattern.compile("[\\s<>\"{}|^`\\\\]");

    private final String keyword;
    private final String jsonType;
    private final String expected;

    ParamType(String keyword, String jsonType, String expected) {
        this.keyword = keyword;
        this.jsonType = jsonType;
        this.expected = expected;
    }

    /** The word used for the type in a query header ({@code iri}, {@code integer}, ...). */
    public String keyword() {
        return keyword;
    }

    /** The JSON Schema type of the parameter in an HTTP query string (OpenAPI). */
    public String jsonType() {
        return jsonType;
    }

    /** What a value of this type looks like, for error messages and documentation. */
    public String expected() {
        return expected;
    }

    public static ParamType of(String keyword) {
        for (ParamType t : values()) {
            if (t.keyword.equals(keyword)) return t;
        }
        throw new IllegalArgumentException("unknown parameter type '" + keyword + "' (types: "
                + String.join(", ", Arrays.stream(values()).map(ParamType::keyword).toList()) + ")");
    }

    /**
     * The RDF term a value stands for.
     *
     * @throws IllegalArgumentException with the reason when the value is not of this type
     */
    public Node parse(String value, PrefixMapping prefixes) {
        return switch (this) {
            case IRI -> iri(value.strip(), prefixes);
            case STRING -> NodeFactory.createLiteralString(value);
            case INTEGER -> {
                String v = value.strip();
                if (!INTEGER_FORM.matcher(v).matches()) throw notA(value);
                yield NodeFactory.createLiteralDT(new BigInteger(v).toString(), XSDDatatype.XSDinteger);
            }
            case DECIMAL -> {
                String v = value.strip();
                if (!DECIMAL_FORM.matcher(v).matches()) throw notA(value);
                yield NodeFactory.createLiteralDT(new BigDecimal(v).toPlainString(), XSDDatatype.XSDdecimal);
            }
            case BOOLEAN -> {
                String v = value.strip().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) throw notA(value);
                yield NodeFactory.createLiteralDT(v, XSDDatatype.XSDboolean);
            }
        };
    }

    /** A value of the type, for checking that a query accepts values for its parameters. */
    Node sample() {
        return switch (this) {
            case IRI -> NodeFactory.createURI("https://w3id.org/claimgraph/id/sample");
            case STRING -> NodeFactory.createLiteralString("sample");
            case INTEGER -> NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger);
            case DECIMAL -> NodeFactory.createLiteralDT("1.0", XSDDatatype.XSDdecimal);
            case BOOLEAN -> NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);
        };
    }

    private IllegalArgumentException notA(String value) {
        return new IllegalArgumentException("'" + value + "' is not " + expected);
    }

    private Node iri(String value, PrefixMapping prefixes) {
        String v = value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
        int colon = v.indexOf(':');
        if (colon < 0) throw notA(value);
        String prefix = v.substring(0, colon);
        String namespace = prefixes.getNsPrefixURI(prefix);
        if (namespace != null && !v.startsWith(prefix + "://") && PREFIXED_NAME.matcher(v).matches()) {
            return NodeFactory.createURI(namespace + v.substring(colon + 1));
        }
        if (IRI_FORBIDDEN.matcher(v).find()) throw notA(value);
        try {
            IRIx iri = IRIx.create(v);
            if (!iri.isAbsolute() || !v.contains("//") && !v.startsWith("urn:")) {
                throw new IllegalArgumentException("'" + value + "' is not " + expected + " (unknown prefix '" + prefix
                        + ":'; known: " + String.join(", ", prefixes.getNsPrefixMap().keySet().stream().sorted().map(p -> p + ":").toList()) + ")");
            }
            return NodeFactory.createURI(iri.str());
        } catch (IRIException e) {
            throw new IllegalArgumentException("'" + value + "' is not " + expected + ": " + e.getMessage());
        }
    }
}
