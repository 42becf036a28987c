package org.w3id.claimgraph.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * The explorer's queries (queries/explorer/) agree with their manifest: every file is listed and every listed file
 * exists; each query parses with its slots empty and its parameters bound as the page binds them (a VALUES block
 * opening the WHERE group), and every parameter is a variable of it; each section of the fragment facets.rq
 * parses where the claim list puts it.
 */
class ExplorerQueriesTest {
    private static final Path DIR = ProjectLayout.locate().queriesDir().resolve("explorer");
    private static final Pattern SLOT = Pattern.compile("(?<=\\s)#([A-Z]+)\\b");

    private static JsonObject manifest() throws IOException {
        return JSON.parse(Files.readString(DIR.resolve("manifest.json"))).getObj("queries");
    }

    @Test
    void theManifestListsEveryQueryFileAndNoOther() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertEquals(new TreeSet<>(manifest().keySet()), new TreeSet<>(files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".rq") || n.endsWith(".ru")).map(n -> n.substring(0, n.length() - 3)).toList()));
            for (String name : manifest().keySet()) {
                String ext = manifest().getObj(name).hasKey("update") ? ".ru" : ".rq";
                assertTrue(Files.isRegularFile(DIR.resolve(name + ext)), name + ext);
            }
        }
    }

    @Test
    void everyQueryParsesWithItsParametersBoundAndItsSlotsEmpty() throws IOException {
        JsonObject manifest = manifest();
        for (String name : manifest.keySet()) {
            JsonObject entry = manifest.getObj(name);
            if (entry.hasKey("fragment")) continue;
            boolean update = entry.hasKey("update");
            String text = Files.readString(DIR.resolve(name + (update ? ".ru" : ".rq")));
            List<String> slots = new ArrayList<>();
            var m = SLOT.matcher(text);
            while (m.find()) slots.add(m.group(1));
            List<String> declared = entry.hasKey("slots") ? entry.get("slots").getAsArray().stream().map(v -> v.getAsString().value()).toList() : List.of();
            assertEquals(new TreeSet<>(declared), new TreeSet<>(slots), name + ": its slots");
            StringBuilder values = new StringBuilder();
            if (entry.hasKey("params")) {
                for (Map.Entry<String, ?> p : entry.getObj("params").entrySet()) {
                    assertTrue(Pattern.compile("[?$]" + p.getKey() + "\\b").matcher(text.replaceAll("(?m)^\\s*#.*$", "")).find(),
                            name + ": parameter " + p.getKey() + " is a variable of the query");
                    String type = entry.getObj("params").getString(p.getKey());
                    if (!update) assertEquals("iri", type, name + ": the explorer's queries take IRIs");
                    String term = switch (type) {
                        case "iri" -> "<https://w3id.org/claimgraph/id/claim/003-001>";
                        case "boolean" -> "true";
                        case "string" -> "\"words\"";
                        default -> throw new AssertionError(name + ": parameter type " + type);
                    };
                    values.append("VALUES (?").append(p.getKey()).append(") { (").append(term).append(") }\n");
                }
            }
            String bound = text.replaceFirst("(?i)\\bWHERE\\s*\\{", "WHERE {\n" + values);
            if (update) {
                assertTrue(org.apache.jena.update.UpdateFactory.create(bound).getOperations().size() == 1, name);
                continue;
            }
            Query parsed = QueryFactory.create(bound);
            assertTrue(parsed.isSelectType(), name);
        }
    }

    @Test
    void everyFacetSectionParsesInTheClaimCount() throws IOException {
        String facets = Files.readString(DIR.resolve("facets.rq"));
        String count = Files.readString(DIR.resolve("claims-count.rq"));
        String[] parts = facets.split("(?m)^# facet: ");
        assertTrue(parts.length > 9, "facets.rq has its sections");
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].substring(0, parts[i].indexOf('\n')).strip();
            String section = parts[i].substring(parts[i].indexOf('\n') + 1);
            // As the page filters: a section that computes ?value is filtered on it, any other gets it bound.
            String filter = section.contains("AS ?value") ? section + "FILTER (?value = \"x\")\n" : "VALUES (?value) { (\"x\") }\n" + section;
            String filled = count.replaceFirst("(?m)^\\s*#FILTERS\\s*$", java.util.regex.Matcher.quoteReplacement(filter));
            QueryFactory.create(parts[0].replaceAll("(?m)^#.*$", "") + filled.replaceAll("(?m)^PREFIX.*$", ""));
            assertTrue(section.contains("?value") || name.equals("text"), name + " binds ?value");
        }
    }
}
