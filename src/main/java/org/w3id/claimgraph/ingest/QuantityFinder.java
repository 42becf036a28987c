package org.w3id.claimgraph.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Doses and quantities in a unit, as the model's typed values: an amount with a mass unit and a per-day
 * cue is a stated dose in mg per day (without a per-day cue it stays a qualifier in words); "5-10 times" a
 * fold change; "2:1" a ratio of the two minerals named with it; "within six weeks" a time to effect. The
 * unit words, per-day cues and number words come from the quantities lexicon.
 */
final class QuantityFinder {
    private final Lexicon lex;
    private final Pattern dose;
    private final Pattern fold;
    private final Pattern ratio = Pattern.compile("(?<![\\d.:])(\\d+(?:\\.\\d+)?)\\s*:\\s*(\\d+(?:\\.\\d+)?)(?![\\d:])(?!\\s*(?:am|pm|a\\.m|p\\.m)\\b)");
    private final Pattern time;
    private final Pattern daily;
    private final Pattern elemental;
    private final Pattern supplemental;

    /** What a unit states: doses in mg per day, other quantities, and amounts without a per-day cue. */
    record Found(List<Amount> doses, List<Candidate.Quantity> quantities, List<String> amountsInWords) {}

    /** An amount in mg per day at characters [start, end) of the document. */
    record Amount(BigDecimal min, BigDecimal max, int start, boolean elemental, boolean supplemental) {}

    QuantityFinder(Lexicon lex) {
        this.lex = lex;
        String number = "(\\d+(?:[.,]\\d+)?|" + alternation(lex.numberWords.keySet()) + ")";
        String range = number + "(?:\\s*(?:" + alternation(words("RangeWord")) + ")\\s*" + number + ")?";
        dose = Pattern.compile("(?i)(?<![\\w.])" + range + "\\s*(" + alternation(lex.massUnits.keySet()) + ")(?![\\w])");
        fold = Pattern.compile("(?i)(?<![\\w.])" + range + "\\s*(?:-\\s*)?(?:" + alternation(words("Fold")) + ")(?![\\w])");
        time = Pattern.compile("(?i)(?<![\\w])(?:" + alternation(words("Within")) + ")\\s+(?:about\\s+|around\\s+|just\\s+|only\\s+)?"
                + range + "\\s*(" + alternation(lex.timeUnits.keySet()) + ")(?![\\w])");
        daily = Pattern.compile("(?i)(?<![\\w])(?:" + alternation(words("Daily")) + ")(?![\\w])");
        elemental = Pattern.compile("(?i)(?<![\\w])(?:" + alternation(words("Elemental")) + ")(?![\\w])");
        supplemental = Pattern.compile("(?i)(?<![\\w])(?:" + alternation(words("Supplemental")) + ")(?![\\w])");
    }

    private List<String> words(String role) {
        return lex.quantityWords.getOrDefault(role, List.of());
    }

    /** Longest first, so that "a day" wins over "a". */
    private static String alternation(java.util.Collection<String> words) {
        if (words.isEmpty()) return "(?!)";
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote).collect(Collectors.joining("|"));
    }

    Found find(String text, UnitAnalysis u) {
        String s = u.unit().text(text);
        int base = u.unit().start();
        List<Amount> doses = new ArrayList<>();
        List<String> inWords = new ArrayList<>();
        boolean perDay = daily.matcher(s).find();
        boolean isElemental = elemental.matcher(s).find();
        boolean isSupplemental = supplemental.matcher(s).find();
        Matcher m = dose.matcher(s);
        while (m.find()) {
            BigDecimal mg = lex.massUnits.get(matchKey(lex.massUnits, m.group(3)));
            BigDecimal a = number(m.group(1));
            BigDecimal b = m.group(2) == null ? a : number(m.group(2));
            if (a == null || b == null || mg == null) continue;
            if (perDay) {
                doses.add(new Amount(a.min(b).multiply(mg), a.max(b).multiply(mg), base + m.start(), isElemental, isSupplemental));
            } else {
                inWords.add(m.group().trim());
            }
        }
        List<Candidate.Quantity> quantities = new ArrayList<>();
        Matcher f = fold.matcher(s);
        while (f.find()) {
            BigDecimal a = number(f.group(1));
            BigDecimal b = f.group(2) == null ? a : number(f.group(2));
            if (a != null && b != null) quantities.add(new Candidate.FoldChange(a.min(b), a.max(b)));
        }
        Matcher r = ratio.matcher(s);
        while (r.find()) {
            List<Concept> minerals = new ArrayList<>();
            for (Mention mention : u.mentions()) {
                Concept c = mention.concept();
                if ((c.is("Mineral") || c.is("Form")) && !minerals.contains(c) && mention.start() >= base + r.end()) minerals.add(c);
            }
            if (minerals.size() < 2) {
                minerals.clear();
                for (Mention mention : u.mentions()) {
                    Concept c = mention.concept();
                    if ((c.is("Mineral") || c.is("Form")) && !minerals.contains(c)) minerals.add(c);
                }
            }
            quantities.add(new Candidate.Ratio(minerals.size() >= 2 ? minerals.get(0).iri() : null,
                    minerals.size() >= 2 ? minerals.get(1).iri() : null, new BigDecimal(r.group(1)), new BigDecimal(r.group(2))));
        }
        Matcher t = time.matcher(s);
        while (t.find()) {
            BigDecimal a = number(t.group(1));
            BigDecimal b = t.group(2) == null ? a : number(t.group(2));
            String unit = lex.timeUnits.get(matchKey(lex.timeUnits, t.group(3)));
            if (a != null && b != null && unit != null) quantities.add(new Candidate.TimeToEffect(a.min(b), a.max(b), unit));
        }
        return new Found(doses, quantities, inWords);
    }

    private BigDecimal number(String s) {
        if (s == null) return null;
        BigDecimal word = lex.numberWords.get(s.toLowerCase(Locale.ROOT));
        if (word != null) return word;
        try {
            return new BigDecimal(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <V> String matchKey(Map<String, V> map, String found) {
        for (String k : map.keySet()) if (k.equalsIgnoreCase(found)) return k;
        return found;
    }
}
