package org.w3id.claimgraph.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultsWriter;

/** How query results are written: an aligned table for people, or one of the W3C SPARQL result formats. */
public enum ResultFormat {
    TABLE("text/plain", null),
    CSV("text/csv", ResultSetLang.RS_CSV),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV),
    JSON("application/sparql-results+json", ResultSetLang.RS_JSON),
    XML("application/sparql-results+xml", ResultSetLang.RS_XML);

    private final String mediaType;
    private final Lang lang;

    ResultFormat(String mediaType, Lang lang) {
        this.mediaType = mediaType;
        this.lang = lang;
    }

    public String mediaType() {
        return mediaType;
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultFormat of(String keyword) {
        for (ResultFormat f : values()) {
            if (f.keyword().equalsIgnoreCase(keyword)) return f;
        }
        throw new IllegalArgumentException("unknown format '" + keyword + "' (formats: "
                + String.join(", ", Arrays.stream(values()).map(ResultFormat::keyword).toList()) + ")");
    }

    /**
     * Writes the rows as they come (from the start, when they can be read again); a table shows IRIs with
     * the given prefixes. The W3C formats keep nothing; a table holds its cells' text, to align its columns.
     */
    public void write(RowSet rows, OutputStream out, PrefixMapping prefixes) {
        if (rows instanceof RowSetRewindable rewindable) rewindable.reset();
        if (lang == null) {
            PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
            TextTable.of(ResultSet.adapt(rows), prefixes).print(print);
            print.flush();
        } else {
            ResultsWriter.create().lang(lang).write(out, rows);
        }
    }
}
