package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.energymonitor.web.PasswordHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document that Camel generates from the REST DSL, checked against the endpoints that really answer:
 * every documented operation answers a real request, and every endpoint clients use is documented.
 */
class OpenApiTest {

    /** The endpoints the dashboard, scripts and monitors use. */
    static final List<String> ENDPOINTS = List.of("/api/latest_reading", "/api/readings", "/api/stats",
            "/api/summary", "/api/daily", "/api/monthly", "/api/export.csv", "/status", "/observe/metrics",
            "/observe/health");
    static final String TOKEN = "openapi-test-token";

    @TempDir
    static Path dir;
    static RunningService service;
    static ApiClient api;
    static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(dir, Map.of(
                "energy.http.api-token-sha256", HexFormat.of().formatHex(PasswordHash.sha256(TOKEN)))).start();
        api = service.api();
        // a reading, so that no endpoint answers 404 for want of data (latest_reading on an empty database does)
        service.publish("tele/documented/SENSOR", "{\"MT681\":{\"Total_in\":12.5,\"Power_cur\":250}}");
        RunningService.await(Duration.ofSeconds(60), "the reading", () ->
                request("GET", "/api/latest_reading").status() == 200);
        RunningService.await(Duration.ofSeconds(60), "MQTT and the database up", () ->
                request("GET", "/observe/health").status() == 200);
        ApiClient.Answer a = request("GET", "/api/openapi.json");
        assertEquals(200, a.status(), a.body());
        document = a.json();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** A request with the test's API token. */
    static ApiClient.Answer request(String method, String pathAndQuery) throws Exception {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + pathAndQuery))
                .header("Authorization", "Bearer " + TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()), false);
    }

    @Test
    void the_document_is_json_with_the_title_and_the_project_version() {
        assertTrue(document.get("openapi").asText().startsWith("3."), document.toString());
        assertEquals("Energy Monitor API", document.get("info").get("title").asText());
        assertEquals(Version.current(), document.get("info").get("version").asText());
        assertFalse(Version.current().isEmpty() || Version.current().startsWith("$") || "unknown".equals(Version.current()),
                "build.properties is filtered: " + Version.current());
    }

    @Test
    void the_document_needs_the_same_authentication_as_the_api() throws Exception {
        ApiClient.Answer open = api.get("/api/openapi.json");
        assertEquals(401, open.status(), open.body());
        assertEquals(401, api.get("/api/readings").status());
        assertEquals(200, api.get("/observe/health").status(), "the health check stays open");
        ApiClient.Answer authorised = request("GET", "/api/openapi.json");
        assertEquals(200, authorised.status());
        assertTrue(authorised.contentType().startsWith("application/json"), authorised.contentType());
    }

    @Test
    void every_documented_operation_answers_with_its_required_parameters_filled_in() throws Exception {
        List<String> checked = new ArrayList<>();
        for (var path : iterable(document.get("paths").fields())) {
            for (var operation : iterable(path.getValue().fields())) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String url = path.getKey() + query(operation.getValue());
                ApiClient.Answer a = request(method, url);
                String what = method + " " + url + " → " + a.status() + " " + a.body();
                assertNotEquals(404, a.status(), what);
                assertNotEquals(405, a.status(), what);
                assertEquals(2, a.status() / 100, what);
                checked.add(method + " " + path.getKey());
            }
        }
        assertTrue(checked.size() >= ENDPOINTS.size(), "operations checked: " + checked);
    }

    @Test
    void every_endpoint_clients_use_is_documented_as_a_get_with_an_id_and_a_description() {
        JsonNode paths = document.get("paths");
        for (String endpoint : ENDPOINTS) {
            JsonNode get = paths.path(endpoint).get("get");
            assertNotNull(get, endpoint + " is missing from the OpenAPI document, which has " + names(paths));
            assertFalse(get.path("operationId").asText().isEmpty(), endpoint + " has no operationId");
            assertFalse(get.path("summary").asText().isEmpty(), endpoint + " has no description");
        }
    }

    @Test
    void every_documented_get_answers_head_with_its_status_and_no_body() throws Exception {
        for (var path : iterable(document.get("paths").fields())) {
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            String url = path.getKey() + query(get);
            ApiClient.Answer full = request("GET", url);
            ApiClient.Answer head = request("HEAD", url);
            assertEquals(full.status(), head.status(), "HEAD " + url);
            assertEquals(full.contentType(), head.contentType(), "HEAD " + url);
            assertEquals(0, head.raw().length, "HEAD " + url);
        }
    }

    /** The operation's required query parameters, each with its first documented example. */
    @Test
    void the_document_names_both_ways_to_authenticate_and_the_content_type_each_endpoint_answers_with() throws Exception {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals("basic", schemes.path("basic").path("scheme").asText(), schemes.toString());
        assertEquals("bearer", schemes.path("token").path("scheme").asText(), schemes.toString());
        List<String> alternatives = new ArrayList<>();
        document.path("security").forEach(requirement -> alternatives.addAll(names(requirement)));
        assertEquals(List.of("basic", "token"), alternatives, "either scheme is enough: " + document.path("security"));
        for (String endpoint : ENDPOINTS) {
            JsonNode content = document.path("paths").path(endpoint).path("get").path("responses").path("200").path("content");
            String documented = names(content).isEmpty() ? "" : names(content).get(0);
            ApiClient.Answer a = request("GET", endpoint);
            assertFalse(documented.isEmpty(), endpoint + " documents no content type: " + content);
            assertTrue(a.contentType().startsWith(documented),
                    endpoint + " is documented as " + documented + " and answers " + a.contentType());
        }
    }

    private static String query(JsonNode operation) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : operation.path("parameters")) {
            if (!p.path("required").asBoolean()) {
                continue;
            }
            String name = p.get("name").asText();
            assertEquals("query", p.get("in").asText(), name + " is not a query parameter");
            String value = example(p);
            assertNotNull(value, "the required parameter " + name + " has no example in the document");
            q.append(q.isEmpty() ? "?" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static String example(JsonNode parameter) {
        if (parameter.hasNonNull("example")) {
            return parameter.get("example").asText();
        }
        for (JsonNode e : parameter.path("examples")) {
            return e.get("value").asText();
        }
        JsonNode allowed = parameter.path("schema").path("enum");
        return allowed.isEmpty() ? null : allowed.get(0).asText();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
