package org.w3id.claimgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits a document into units: each line is a paragraph, a heading or a list item; Apache OpenNLP's
 * English sentence model (the opennlp-models-sentdetect-en jar from Maven Central) splits the lines into
 * sentences, with character offsets in the document. Not thread-safe: one instance per thread.
 */
final class TextUnits {
    /** The model file inside opennlp-models-sentdetect-en 1.3.0 (pinned in pom.xml). */
    static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final int HEADING_MAX_WORDS = 14;
    private static volatile SentenceModel model;

    private final SentenceDetectorME detector = new SentenceDetectorME(model());

    static SentenceModel model() {
        SentenceModel m = model;
        if (m == null) {
            synchronized (TextUnits.class) {
                if (model == null) {
                    try (InputStream in = TextUnits.class.getResourceAsStream(SENTENCE_MODEL)) {
                        if (in == null) throw new IllegalStateException("the OpenNLP sentence model " + SENTENCE_MODEL + " is not on the class path");
                        model = new SentenceModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                m = model;
            }
        }
        return m;
    }

    List<TextUnit> split(String text) {
        List<TextUnit> units = new ArrayList<>();
        int lineNo = 0;
        int at = 0;
        while (at <= text.length()) {
            int nl = text.indexOf('\n', at);
            int lineEnd = nl < 0 ? text.length() : nl;
            lineNo++;
            splitLine(text, at, lineEnd, lineNo, units);
            if (nl < 0) break;
            at = nl + 1;
        }
        return units;
    }

    private void splitLine(String text, int from, int to, int lineNo, List<TextUnit> units) {
        int s = from;
        int e = to;
        while (s < e && blank(text.charAt(s))) s++;
        while (e > s && blank(text.charAt(e - 1))) e--;
        if (s >= e) return;
        int content = bulletContent(text, s, e);
        boolean bullet = content > s;
        String line = text.substring(content, e);
        Span[] spans = detector.sentPosDetect(line);
        List<int[]> sentences = new ArrayList<>();
        for (Span span : spans) {
            int a = content + span.getStart();
            int b = content + span.getEnd();
            while (a < b && blank(text.charAt(a))) a++;
            while (b > a && blank(text.charAt(b - 1))) b--;
            if (a < b) sentences.add(new int[] {a, b});
        }
        if (sentences.isEmpty()) sentences.add(new int[] {content, e});
        for (int i = 0; i < sentences.size(); i++) {
            int[] span = sentences.get(i);
            TextUnit.Kind kind = bullet && i == 0 ? TextUnit.Kind.BULLET
                    : !bullet && sentences.size() == 1 && heading(text, span[0], span[1]) ? TextUnit.Kind.HEADING
                    : TextUnit.Kind.SENTENCE;
            units.add(new TextUnit(span[0], span[1], lineNo, kind));
        }
    }

    /** Where a list item's text starts after its marker (•, -, *, 1., a)), or {@code s} when the line is no list item. */
    private static int bulletContent(String text, int s, int e) {
        char c = text.charAt(s);
        int after = -1;
        if ("•·▪◦‣●○■□–-*".indexOf(c) >= 0) {
            after = s + 1;
        } else if (Character.isDigit(c)) {
            int i = s;
            while (i < e && Character.isDigit(text.charAt(i))) i++;
            if (i < e && i - s <= 2 && (text.charAt(i) == '.' || text.charAt(i) == ')')) after = i + 1;
        }
        if (after < 0 || after >= e || !Character.isWhitespace(text.charAt(after))) return s;
        while (after < e && Character.isWhitespace(text.charAt(after))) after++;
        return after;
    }

    /** White space, or the byte-order mark a plain-text file may start with. */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\uFEFF' || c == '\u00A0';
    }

    private static boolean heading(String text, int s, int e) {
        char last = text.charAt(e - 1);
        if (".!:;,".indexOf(last) >= 0) return false;
        int words = 0;
        boolean inWord = false;
        for (int i = s; i < e; i++) {
            boolean w = !Character.isWhitespace(text.charAt(i));
            if (w && !inWord) words++;
            inWord = w;
        }
        return words <= HEADING_MAX_WORDS;
    }
}
