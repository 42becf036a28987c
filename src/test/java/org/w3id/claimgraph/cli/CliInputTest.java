package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/**
 * Issue 19, item 12: bad input on the command line. Every command that reads RDF files (check, validate, load) is
 * given every kind of file of {@code cli/bad-files.tsv}, and every command the unknown options and missing values
 * of {@code cli/bad-usage.tsv}: each exits 2 (usage or input) or 1 (the data), its first line of standard error
 * names the file, line and column (or the option), and nothing prints a stack trace.
 */
class CliInputTest {
    private static final Path MANIFESTS = Path.of("src/test/resources/cli");
    /** The commands that read extra RDF files; {FILE} is the file, {TDB} a fresh database directory. */
    private static final List<String> FILE_COMMANDS = List.of("check {FILE}", "validate --fail-on none {FILE}",
            "load --tdb {TDB} {FILE}");

    @TempDir
    static Path dir;
    private static Path home;

    @BeforeAll
    static void project() {
        home = TestProject.minimal(dir.resolve("project")).home();
    }

    @TestFactory
    Stream<DynamicTest> everyCommandThatReadsFilesNamesTheBadFile() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (String[] row : rows("bad-files.tsv")) {
            for (String command : FILE_COMMANDS) {
                String kind = row[0];
                int exit = Integer.parseInt(row[2]);
                String expected = row.length > 3 ? row[3] : "";
                Path file = dir.resolve("inputs/" + (n++) + "/extra.ttl");
                Path tdb = dir.resolve("tdb/" + n);
                tests.add(DynamicTest.dynamicTest(command.split(" ")[0] + ", " + kind, () -> {
                    write(file, row[1]);
                    String[] args = command.replace("{FILE}", file.toString()).replace("{TDB}", tdb.toString()).split(" ");
                    CliRun run = CliRun.in(home, args);
                    assertEquals(exit, run.exitCode(), run.err());
                    String first = run.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
                    if (!expected.isEmpty()) {
                        String regex = Pattern.quote(file.toString()).concat("");
                        assertTrue(Pattern.matches(expected.replace("{FILE}", regex), first), "first line: " + first + "\n" + run.err());
                    }
                    noStackTrace(run);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyCommandRefusesABadOptionInOneLine() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : rows("bad-usage.tsv")) {
            Path tdb = dir.resolve("no-such-database");
            String[] args = row[0].replace("{TDB}", tdb.toString()).split(" ");
            tests.add(DynamicTest.dynamicTest(row[0], () -> {
                CliRun run = CliRun.in(home, args);
                assertEquals(Integer.parseInt(row[1]), run.exitCode(), run.err());
                List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
                assertEquals(1, lines.size(), run.err());
                assertTrue(Pattern.matches(row[2].replace("{TDB}", Pattern.quote(tdb.toString())), lines.get(0)), lines.get(0));
                noStackTrace(run);
            }));
        }
        return tests.stream();
    }

    private static void noStackTrace(CliRun run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "a stack trace: " + run.err());
        assertFalse(run.out().contains("\tat "), "a stack trace: " + run.out());
    }

    private static List<String[]> rows(String manifest) throws IOException {
        return Files.readAllLines(MANIFESTS.resolve(manifest)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
    }

    /** The file as the manifest describes it: {MISSING}, {DIRECTORY}, or the content with \n and \xNN unescaped. */
    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        if (content.equals("{MISSING}")) return;
        if (content.equals("{DIRECTORY}")) {
            Files.createDirectories(file);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\' && i + 1 < content.length() && content.charAt(i + 1) == 'n') {
                bytes.write('\n');
                i++;
            } else if (c == '\\' && i + 3 < content.length() && content.charAt(i + 1) == 'x') {
                bytes.write(Integer.parseInt(content.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.write(file, bytes.toByteArray());
    }
}
