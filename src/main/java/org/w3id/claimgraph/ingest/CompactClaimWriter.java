package org.w3id.claimgraph.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.atlas.lib.EscapeStr;

/**
 * Writes claims in the compact claim format of seeds/claims/ (seeds/README.md), one block a claim in the
 * order given, with the status written only for a candidate or a rejected claim (an accepted claim reads as
 * a curated one). Also writes the document metadata file and the reference nodes ingest adds. The output
 * parses as Turtle and compiles with {@code ./claimgraph check}; a review page can reuse it to export an
 * accepted document.
 */
public final class CompactClaimWriter {
    private static final Map<String, String> PREFIXES = new java.util.LinkedHashMap<>();
    static {
        PREFIXES.put("cg", Lexicon.CG);
        PREFIXES.put("concept", Concept.NS);
        PREFIXES.put("reference", NewReference.NS);
        PREFIXES.put("claim", "https://w3id.org/claimgraph/id/claim/");
        PREFIXES.put("doc", "https://w3id.org/claimgraph/id/document/");
        PREFIXES.put("dcterms", "http://purl.org/dc/terms/");
        PREFIXES.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        PREFIXES.put("obo", "http://purl.obolibrary.org/obo/");
        PREFIXES.put("oa", "http://www.w3.org/ns/oa#");
        PREFIXES.put("unit", "http://qudt.org/vocab/unit/");
    }
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?");

    private CompactClaimWriter() {}

    /** A whole claims file: the comment lines, the prefixes and every claim. */
    public static String claimsFile(String comment, List<Candidate> claims) {
        StringBuilder out = new StringBuilder();
        for (String line : comment.split("\n")) out.append("# ").append(line).append('\n');
        out.append(prefixes());
        for (Candidate c : claims) out.append('\n').append(claim(c));
        return out.toString();
    }

    static String prefixes() {
        StringBuilder out = new StringBuilder();
        PREFIXES.forEach((p, ns) -> out.append(String.format("@prefix %-10s <%s> .%n", p + ":", ns)));
        return out.toString();
    }

    /** One claim block, ending with " .\n". */
    public static String claim(Candidate c) {
        StringBuilder out = new StringBuilder();
        out.append("claim:").append(c.id()).append(" a cg:Claim ;\n");
        if (c.status() != Candidate.Status.ACCEPTED) property(out, "cg:status", iri(c.status().iri()));
        property(out, "cg:subject", iri(c.subject()));
        property(out, "cg:relation", iri(c.relation()));
        property(out, "cg:object", iri(c.object()));
        if (c.negated()) property(out, "cg:negated", "true");
        if (c.direct()) property(out, "cg:direct", "true");
        StringBuilder quotes = new StringBuilder();
        for (Candidate.Quote q : c.quotes()) {
            if (quotes.length() > 0) quotes.append(" ,\n              ");
            if (q.prefixHint() == null && q.suffixHint() == null) {
                quotes.append(string(q.exact()));
            } else {
                quotes.append("[ oa:exact ").append(string(q.exact()));
                if (q.prefixHint() != null) quotes.append(" ; oa:prefix ").append(string(q.prefixHint()));
                if (q.suffixHint() != null) quotes.append(" ; oa:suffix ").append(string(q.suffixHint()));
                quotes.append(" ]");
            }
        }
        property(out, "cg:quoted", quotes.toString());
        property(out, "cg:hedged", Boolean.toString(c.hedged()));
        if (c.population() != null) property(out, "cg:population", iri(c.population()));
        if (c.form() != null) property(out, "cg:form", iri(c.form()));
        if (c.route() != null) property(out, "cg:route", iri(c.route()));
        for (String q : c.qualifiers()) property(out, "cg:qualifier", string(q));
        for (Candidate.Quantity q : c.quantities()) property(out, "cg:quantity", quantity(q));
        for (Candidate.StatedDose d : c.doses()) {
            StringBuilder dose = new StringBuilder("[ cg:doseOf ").append(iri(d.doseOf()));
            if (d.min() != null) dose.append(" ; cg:minAmountMgPerDay ").append(decimal(d.min()));
            dose.append(" ; cg:maxAmountMgPerDay ").append(decimal(d.max()));
            dose.append(" ; cg:intakeScope ").append(iri(d.intakeScope()));
            if (d.elemental()) dose.append(" ; cg:elemental true");
            property(out, "cg:statedDose", dose.append(" ]").toString());
        }
        if (c.curatorGrade() != null) property(out, "cg:curatorGrade", iri(c.curatorGrade()));
        if (c.overrideReason() != null) property(out, "cg:overrideReason", string(c.overrideReason()));
        StringBuilder evidence = new StringBuilder();
        for (Candidate.Evidence e : c.evidence()) {
            if (evidence.length() > 0) evidence.append(" ,\n                ");
            evidence.append("[ a ").append(iri(e.ecoClass()));
            if (e.citationKind() != null) evidence.append(" ; cg:citationKind ").append(iri(e.citationKind()));
            evidence.append(" ; cg:direction ").append(iri(e.direction()));
            if (e.reference() != null) evidence.append(" ; cg:reference ").append(iri(e.reference()));
            if (e.note() != null) evidence.append(" ;\n                  cg:note ").append(string(e.note()));
            evidence.append(" ]");
        }
        if (evidence.length() > 0) property(out, "cg:evidence", evidence.toString());
        out.setLength(out.length() - 3);
        return out.append(" .\n").toString();
    }

    private static String quantity(Candidate.Quantity q) {
        if (q instanceof Candidate.FoldChange f) {
            return "[ a cg:FoldChange ; cg:minValue " + decimal(f.min()) + " ; cg:maxValue " + decimal(f.max()) + " ]";
        }
        if (q instanceof Candidate.Ratio r) {
            StringBuilder s = new StringBuilder("[ a cg:Ratio");
            if (r.numeratorConcept() != null) s.append(" ; cg:numeratorConcept ").append(iri(r.numeratorConcept()));
            if (r.denominatorConcept() != null) s.append(" ; cg:denominatorConcept ").append(iri(r.denominatorConcept()));
            return s.append(" ; cg:numeratorValue ").append(decimal(r.numerator()))
                    .append(" ; cg:denominatorValue ").append(decimal(r.denominator())).append(" ]").toString();
        }
        Candidate.TimeToEffect t = (Candidate.TimeToEffect) q;
        return "[ a cg:TimeToEffect ; cg:minValue " + decimal(t.min()) + " ; cg:maxValue " + decimal(t.max())
                + " ; cg:unit " + iri(t.unit()) + " ]";
    }

    /** The metadata file of a document (the seeds' documents/ID.ttl). */
    public static String metadataFile(String comment, DocumentMetadata m) {
        StringBuilder out = new StringBuilder();
        for (String line : comment.split("\n")) out.append("# ").append(line).append('\n');
        out.append(prefixes()).append('\n');
        out.append("doc:").append(m.id()).append(" a cg:SourceDocument ;\n");
        property(out, "dcterms:identifier", string(m.id()));
        property(out, "dcterms:title", string(m.title()));
        if (m.publisher() != null) property(out, "dcterms:publisher", string(m.publisher()));
        if (m.published() != null) property(out, "dcterms:date", string(m.published().toString()) + "^^xsd:date");
        if (m.url() != null) property(out, "dcterms:source", "<" + m.url() + ">");
        property(out, "cg:genre", iri(m.genre()));
        property(out, "cg:sellsWhatItDescribes", Boolean.toString(m.sellsWhatItDescribes()));
        property(out, "cg:sha256", string(m.sha256()));
        out.setLength(out.length() - 3);
        return out.append(" .\n").toString();
    }

    /** Reference nodes to append to seeds/references.ttl (full IRIs, so the block needs none of its prefixes). */
    public static String referencesBlock(String comment, List<NewReference> references) {
        StringBuilder out = new StringBuilder("\n");
        for (String line : comment.split("\n")) out.append("# ").append(line).append('\n');
        for (NewReference r : references) {
            out.append('\n').append('<').append(r.iri()).append("> a <").append(Lexicon.CG).append("Reference> ;\n");
            property(out, "<http://purl.org/dc/terms/title>", string(r.title()));
            property(out, "<" + Lexicon.CG + "studyDesign>", "<" + Lexicon.CG + "UnknownDesign>");
            property(out, "<" + Lexicon.CG + "traceable>", Boolean.toString(r.traceable()));
            if (r.doi() != null) property(out, "<" + Lexicon.CG + "doi>", string(r.doi()));
            if (r.pmid() != null) property(out, "<" + Lexicon.CG + "pmid>", string(r.pmid()));
            property(out, "<" + Lexicon.CG + "verified>", "false");
            property(out, "<" + Lexicon.CG + "finding>", string(r.traceable()
                    ? "Not yet read: ingest found the identifier in the text; a curator must read the work and record its design."
                    : "Cannot be traced as cited: the text names a source but no work that can be identified."));
            property(out, "<" + Lexicon.CG + "citedAs>", string(r.citedAs()));
            out.setLength(out.length() - 3);
            out.append(" .\n");
        }
        return out.toString();
    }

    private static void property(StringBuilder out, String property, String value) {
        out.append("    ").append(property).append(' ').append(value).append(" ;\n");
    }

    static String iri(String iri) {
        for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
            if (iri.startsWith(p.getValue()) && LOCAL.matcher(iri.substring(p.getValue().length())).matches()) {
                return p.getKey() + ":" + iri.substring(p.getValue().length());
            }
        }
        return "<" + iri + ">";
    }

    static String string(String s) {
        return "\"" + EscapeStr.stringEsc(s) + "\"";
    }

    /** An xsd:decimal in Turtle: always with a decimal point. */
    static String decimal(BigDecimal d) {
        String plain = d.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
