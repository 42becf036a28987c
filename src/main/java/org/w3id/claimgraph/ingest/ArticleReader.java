package org.w3id.claimgraph.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.w3id.claimgraph.project.InputException;

/**
 * Reads an article file: plain text as it is, HTML (by its extension or its first tag) as the main text
 * jsoup extracts. Refuses, naming the file, what is missing, a directory, unreadable, empty, binary (a NUL
 * byte or mostly control characters) or not UTF-8, and HTML with no text.
 */
public final class ArticleReader {
    /** Elements that are page furniture, never article text. */
    private static final String FURNITURE = "script, style, noscript, template, iframe, svg, canvas, form, button, select, "
            + "nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
    /** Elements that start a new line of text. */
    private static final java.util.Set<String> LINE_BREAKING = java.util.Set.of("p", "div", "section", "article", "main",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "pre", "dd", "dt", "figcaption", "table",
            "ul", "ol", "dl", "hr", "td", "th");

    private ArticleReader() {}

    public static Article read(Path file) {
        String shown = file.toString();
        if (!Files.exists(file)) throw new InputException(shown + ": no such file");
        if (Files.isDirectory(file)) throw new InputException(shown + ": is a directory, not an article file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(shown + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(shown + ": cannot read: permission denied", e);
        } catch (IOException e) {
            throw new InputException(shown + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) throw new InputException(shown + ": is empty");
        int controls = 0;
        for (byte b : bytes) {
            if (b == 0) throw new InputException(shown + ": is a binary file (it contains NUL bytes), not text or HTML");
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') controls++;
        }
        if (controls * 20 > bytes.length) throw new InputException(shown + ": is a binary file (control characters), not text or HTML");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(shown + ": is not valid UTF-8 text (" + e.getMessage() + ")", e);
        }
        if (text.replace("\uFEFF", "").isBlank()) throw new InputException(shown + ": has no text (only white space)");
        if (isHtml(file, text.replace("\uFEFF", ""))) {
            Article article = fromHtml(text.replace("\uFEFF", ""));
            if (article.text().isBlank()) throw new InputException(shown + ": the HTML has no main text to ingest");
            return article;
        }
        return new Article(text, "text/plain", null);
    }

    static boolean isHtml(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) return true;
        String head = text.stripLeading();
        head = head.substring(0, Math.min(head.length(), 200)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html");
    }

    /**
     * The main text of a page: the first {@code <article>}, else {@code <main>} or {@code [role=main]}, else
     * the body, without page furniture; each block on its own line, a blank line between paragraphs, list
     * items as "  • item", white space inside a block collapsed.
     */
    static Article fromHtml(String html) {
        Document doc = Jsoup.parse(html);
        String title = doc.title().isBlank() ? null : doc.title().strip();
        doc.select(FURNITURE).remove();
        Element root = doc.selectFirst("article");
        if (root == null) root = doc.selectFirst("main, [role=main]");
        if (root == null) root = doc.body();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.text().replaceAll("\\s+", " ");
                    if (s.isBlank()) {
                        if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) out.append(' ');
                        return;
                    }
                    if (out.length() > 0 && (out.charAt(out.length() - 1) == '\n' || out.toString().endsWith("• "))) s = s.stripLeading();
                    out.append(s);
                } else if (node instanceof Element e && LINE_BREAKING.contains(e.normalName())) {
                    boolean paragraph = !e.normalName().equals("li") && !e.normalName().equals("br");
                    newLine(out, paragraph);
                    if (e.normalName().equals("li")) out.append("  • ");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && LINE_BREAKING.contains(e.normalName()) && !e.normalName().equals("br")) {
                    newLine(out, !e.normalName().equals("li"));
                }
            }
        }, root);
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n", -1)) {
            String stripped = line.stripTrailing();
            if (stripped.strip().equals("•")) continue;
            text.append(stripped).append('\n');
        }
        String result = text.toString().replaceAll("\n{3,}", "\n\n").strip();
        return new Article(result.isEmpty() ? "" : result + "\n", "text/html", title);
    }

    private static void newLine(StringBuilder out, boolean paragraph) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
        if (out.length() == 0) return;
        if (out.charAt(out.length() - 1) != '\n') out.append('\n');
        if (paragraph && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) out.append('\n');
    }
}
