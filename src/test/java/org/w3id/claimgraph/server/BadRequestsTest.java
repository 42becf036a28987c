package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.explore.ClaimFindings;
import org.w3id.claimgraph.explore.Explorer;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.api.QueryApiServlet;
import org.w3id.claimgraph.validate.Validator;

/**
 * Issue 20, defect 6, and issue 19, item 10: bad requests never get 500. The requests of
 * {@code server/bad-requests.tsv}, {@code bad-queries.txt} and {@code odd-queries.txt}, and generated ones
 * (deep nesting, a 1 MB IRI, every named query's every parameter given hostile values), are sent byte for
 * byte to a server set up as {@code serve} sets it up (explorer, API, update login). A bad request gets a
 * 4xx with a message; an odd but valid one anything below 500; and the server answers throughout.
 */
class BadRequestsTest {
    private static final String BASIC = "Authorization: Basic " + Base64.getEncoder().encodeToString("curator:secret".getBytes(StandardCharsets.UTF_8));
    private static final Path MANIFESTS = Path.of("src/test/resources/server");

    @TempDir
    static Path dir;
    private static ClaimServer server;
    private static QueryLibrary library;

    @BeforeAll
    static void start() throws IOException {
        Path users = Files.writeString(dir.resolve("users"), "curator: secret\n");
        ProjectLayout layout = ProjectLayout.locate();
        DatasetGraph dataset = Seed.copy();
        library = QueryLibrary.load(layout);
        ClaimServer.Builder builder = ClaimServer.builder().dataset(dataset).port(0).updateUsers(users);
        GraphSource target = GraphSource.of(builder.servedDataset(), "seed graph");
        builder.addServlet("/api/*", new QueryApiServlet(library, target, ClaimServer.DEFAULT_QUERY_TIMEOUT)).corsPath("/api/*");
        ClaimFindings findings = ClaimFindings.fromValidator(Validator.load(layout),
                GraphSource.of(dataset, "seed graph"));
        server = Explorer.install(builder.queryRewrite(QueryLibrary.resolver(layout)), layout, target, findings).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestGetsA4xxWithAMessage() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(MANIFESTS.resolve("bad-requests.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            String headers = f[3].equals("-") ? "" : f[3].replace("{BASIC}", BASIC);
            String body = f[4].equals("-") ? null : f[4].replace("\\n", "\n");
            Raw request = new Raw(f[1], f[2].replace("{USERS}", ""), headers.isEmpty() ? List.of() : List.of(headers.split("\\|")), body);
            tests.add(expect(f[0].equals("4xx"), request));
        }
        for (String query : queries("bad-queries.txt")) {
            tests.add(expect(true, Raw.get("/kg/sparql?query=" + enc(query))));
            tests.add(expect(true, Raw.form("/kg/sparql", "query=" + enc(query))));
            tests.add(expect(true, Raw.post("/kg/sparql", "application/sparql-query", query)));
        }
        for (String query : queries("odd-queries.txt")) tests.add(expect(false, Raw.form("/kg/sparql", "query=" + enc(query))));
        for (String[] open : new String[][] {{"{", "}"}, {"(", ")"}, {"[ <urn:example:p> ", "]"}, {"OPTIONAL { ", "}"}, {"{ } UNION {", "}"}}) {
            String nested = open[0].repeat(1000) + open[1].repeat(1000);
            String query = open[0].startsWith("(") ? "SELECT * { FILTER" + nested.replace("()", "(1)") + " }"
                    : open[0].startsWith("[") ? "SELECT * { ?s ?p " + nested.replace("[ <urn:example:p> ]", "[ <urn:example:p> 1 ]") + " }"
                    : "SELECT * { " + nested + " }";
            tests.add(expect(true, Raw.post("/kg/sparql", "application/sparql-query", query)));
            tests.add(expect(true, Raw.post("/kg/update", "application/sparql-update", "INSERT { GRAPH <urn:example:g> { ?s ?p ?o } } WHERE " + query.substring(9)).with(BASIC)));
        }
        tests.add(expect(true, Raw.post("/kg/sparql", "application/sparql-query",
                "SELECT * { <http://example.org/" + "x".repeat(1 << 20) + "> ?p ?o }")));
        for (NamedQuery query : library.all()) {
            for (NamedQuery.Param param : query.params()) {
                for (String value : List.of("%FF", "%zz", "%C3%28")) {
                    tests.add(expect(true, Raw.get("/api/queries/" + query.name() + "?" + param.name() + "=" + value)));
                }
                for (String value : List.of("%00", "x".repeat(10_000), "%E2%98%83", "%3C%3E", "%22%20OR%201%3D1", "..%2F..%2Fetc%2Fpasswd",
                        "1e999", "-1", "", "concept:", "%3Cjavascript%3Aalert(1)%3E")) {
                    tests.add(expect(false, Raw.get("/api/queries/" + query.name() + "?" + param.name() + "=" + value)));
                }
            }
        }
        tests.add(DynamicTest.dynamicTest("and the server still answers", () ->
                assertEquals(200, Raw.get("/$/ping").send().status())));
        return tests.stream();
    }

    private static DynamicTest expect(boolean clientError, Raw request) {
        return DynamicTest.dynamicTest(request.toString(), () -> {
            Answer answer = request.send();
            assertTrue(answer.status() < 500, request + " -> " + answer);
            if (clientError) {
                assertTrue(answer.status() >= 400, request + " -> " + answer);
                if (!request.method().equals("HEAD")) assertFalse(answer.body().isBlank(), request + ": no message");
            }
        });
    }

    private static List<String> queries(String file) throws IOException {
        return Files.readAllLines(MANIFESTS.resolve(file)).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    /** An HTTP/1.1 request written as it is, malformed parts and all (java.net.URI would refuse {@code %zz}). */
    private record Raw(String method, String path, List<String> headers, String body) {
        static Raw get(String path) {
            return new Raw("GET", path, List.of(), null);
        }

        static Raw form(String path, String form) {
            return post(path, "application/x-www-form-urlencoded", form);
        }

        static Raw post(String path, String contentType, String body) {
            return new Raw("POST", path, List.of("Content-Type: " + contentType), body);
        }

        Raw with(String header) {
            List<String> more = new ArrayList<>(headers);
            more.add(header);
            return new Raw(method, path, more, body);
        }

        Answer send() {
            try (Socket socket = new Socket("localhost", server.port())) {
                socket.setSoTimeout(60_000);
                byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
                headers.forEach(h -> head.append(h).append("\r\n"));
                if (body != null) head.append("Content-Length: ").append(content.length).append("\r\n");
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                try {
                    in.transferTo(all);
                } catch (IOException e) {
                    // the server may close after answering, before reading the whole request
                }
                String response = all.toString(StandardCharsets.UTF_8);
                int end = response.indexOf("\r\n\r\n");
                int status = Integer.parseInt(response.substring(9, 12));
                return new Answer(status, end < 0 ? "" : response.substring(end + 4));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            String shown = method + " " + path + (body == null ? "" : " " + body);
            return shown.length() > 160 ? shown.substring(0, 160) + "..." : shown;
        }
    }
}
