package org.w3id.claimgraph.ingest;

import java.util.List;
import java.util.regex.Matcher;

/**
 * How a unit backs what it says, strongest first: a work's identifier (DOI, PMID) is a traceable citation;
 * a named journal or institution, or a lead-in to a work ("published in", "researchers at") followed by a
 * name, is an untraceable citation; an appeal to research in general is a vague appeal; else uncited.
 */
final class CitationFinder {
    static final String TRACEABLE = Lexicon.CG + "TraceableCitation";
    static final String UNTRACEABLE = Lexicon.CG + "UntraceableCitation";
    static final String VAGUE = Lexicon.CG + "VagueAppeal";
    static final String UNCITED = Lexicon.CG + "Uncited";
    private static final int LEAD_IN_REACH = 8;

    private final Lexicon lex;

    /** The citation of a unit: its kind, and for a named work the words it is cited with or its identifier. */
    record Citation(String kind, String citedAs, String identifierProperty, String identifier) {
        static final Citation NONE = new Citation(UNCITED, null, null, null);
    }

    CitationFinder(Lexicon lex) {
        this.lex = lex;
    }

    Citation find(String text, UnitAnalysis u) {
        String s = u.unit().text(text);
        for (Lexicon.IdentifierPattern p : lex.identifiers) {
            Matcher m = p.pattern().matcher(s);
            if (m.find()) return new Citation(TRACEABLE, s, p.property(), m.group(1));
        }
        List<Token> tokens = u.tokens();
        List<PhraseIndex.Match<String>> cues = lex.citationCues.scan(tokens);
        for (PhraseIndex.Match<String> source : lex.namedSources.scan(tokens)) {
            String surface = words(text, tokens, source.from(), source.to());
            if (source.values().stream().noneMatch(label -> letters(label).equals(letters(surface)))) continue;
            int from = source.from();
            for (PhraseIndex.Match<String> cue : cues) {
                if (cue.values().contains(UNTRACEABLE) && cue.to() <= source.from() && source.from() - cue.to() <= LEAD_IN_REACH) {
                    from = Math.min(from, cue.from());
                }
            }
            return new Citation(UNTRACEABLE, words(text, tokens, from, source.to()), null, null);
        }
        for (PhraseIndex.Match<String> cue : cues) {
            if (!cue.values().contains(UNTRACEABLE) || cue.to() >= tokens.size()) continue;
            int end = cue.to();
            while (end < tokens.size() && tokens.get(end).word() && Character.isUpperCase(text.charAt(tokens.get(end).start()))) end++;
            if (end > cue.to()) return new Citation(UNTRACEABLE, words(text, tokens, cue.from(), end), null, null);
        }
        for (PhraseIndex.Match<String> cue : cues) {
            if (cue.values().contains(VAGUE)) return new Citation(VAGUE, null, null, null);
        }
        return Citation.NONE;
    }

    private static String letters(String s) {
        return s.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String words(String text, List<Token> tokens, int from, int to) {
        return text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }
}
