package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws garbage at every endpoint: never a 500, and every 400 is JSON naming the offending parameter.
 */
class ApiFuzzTest {

    static final String[] ENDPOINTS = {"/api/readings", "/api/stats", "/api/summary", "/api/daily", "/api/monthly",
            "/api/export.csv", "/api/latest_reading", "/status"};
    static final String[] PARAMETERS = {"start", "end", "after", "maxPoints", "meter", "resolution"};
    static final String[] NASTY = {"", " ", "abc", "-1", "0", "1", "99999999999", "100000000000", "1e12", "1.7e12",
            "NaN", "Infinity", "-Infinity", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "99999999999999999999999999", "2026-13-01", "2026-02-30", "2026-03-29T02:30", "2026-10-25T02:30",
            "2026-11-28T10:00:00+25:00", "2026-11-28T10:00:00Z", "2026-11-28 10:00", "+10000-01-01", "0001-01-01",
            "1;DROP TABLE readings", "' OR 1=1 --", "\" OR \"\"=\"", "%00", "\u0000", "../../etc/passwd",
            "..%2F..%2Fdata%2Fenergy.db", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "#{1+1}",
            "${header.CamelHttpUri}", "🙂", "x".repeat(5000), "10".repeat(40), "raw", "minute", "day", "weekly"};

    @TempDir
    static Path dir;
    static RunningService service;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(dir, Map.of()).start();
        api = service.api();
        for (int i = 0; i < 5; i++) {
            service.publish("tele/fuzzmeter/SENSOR", "{\"MT681\":{\"Total_in\":" + (100 + i * 0.01)
                    + ",\"Power_cur\":" + (300 + i) + "}}");
        }
        RunningService.await(Duration.ofSeconds(60), "readings", () ->
                api.get("/api/latest_reading").status() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void every_endpoint_survives_every_nasty_value_of_every_parameter() throws Exception {
        int requests = 0;
        for (String endpoint : ENDPOINTS) {
            for (String parameter : PARAMETERS) {
                for (String value : NASTY) {
                    check(endpoint, List.of(parameter), endpoint + "?" + parameter + "=" + encode(value));
                    requests++;
                }
            }
        }
        // nothing of it (the SQL text included) touched the data: the readings are still there and still served
        assertTrue(service.count("SELECT count(*) FROM readings WHERE meter = 'fuzzmeter'") > 0, "after " + requests + " requests");
        assertEquals(200, api.get("/api/latest_reading?meter=fuzzmeter").status(), "after " + requests + " requests");
    }

    @Test
    void random_combinations_of_parameters_never_cause_a_500() throws Exception {
        Random random = new Random(20261128);
        for (int i = 0; i < 600; i++) {
            String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
            StringBuilder q = new StringBuilder();
            List<String> names = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int k = 0; k < n; k++) {
                String name = PARAMETERS[random.nextInt(PARAMETERS.length)];
                names.add(name);
                String value = random.nextInt(3) == 0 ? randomString(random) : NASTY[random.nextInt(NASTY.length)];
                q.append(k == 0 ? "?" : "&").append(name).append('=').append(encode(value));
            }
            check(endpoint, names, endpoint + q);
        }
    }

    @Test
    void path_tricks_are_json_404s_or_plain_client_errors_never_files() throws Exception {
        for (String path : new String[] {"/api/../status", "/api/%2e%2e/%2e%2e/data/energy.db", "/api/readings%00",
                "/api/readings/..", "/api//readings", "/api/%2Fetc%2Fpasswd", "/application.properties",
                "/data/energy.db", "/../pom.xml", "/routes/api.camel.yaml", "/%2e%2e/application.properties"}) {
            ApiClient.Answer a = api.get(path);
            assertTrue(a.status() < 500, path + " → " + a.status());
            assertTrue(a.status() >= 400 || !a.body().contains("energy.tariff"), path + " leaked: " + a.body());
            assertTrue(!a.body().contains("SQLite format") && !a.body().contains("camel.main"), path + " leaked");
        }
    }

    private static void check(String endpoint, List<String> names, String url) throws Exception {
        ApiClient.Answer a = api.get(url);
        assertNotEquals(500, a.status(), url + " → " + a.body());
        assertTrue(a.status() == 200 || a.status() == 400 || a.status() == 404 || a.status() == 414
                || a.status() == 431, url + " → " + a.status() + " " + a.body());
        if (a.status() == 400 && a.contentType().startsWith("application/json")) {
            JsonNode json = a.json();
            String parameter = json.get("parameter").asText();
            boolean missingRequired = endpoint.equals("/api/stats") && !names.contains(parameter)
                    && json.get("error").asText().contains("is required");
            assertTrue(names.contains(parameter) || missingRequired, url + " blamed " + parameter);
            assertTrue(json.get("error").asText().startsWith(parameter + ": "), json.toString());
        } else if (a.status() == 400) {
            throw new AssertionError(url + " gave a 400 that is not JSON: " + a.body());
        }
        if (a.status() == 200 && endpoint.equals("/api/export.csv")) {
            assertTrue(a.body().startsWith("time,timestamp_ms,"), url);
        }
        assertEquals(-1, a.body().indexOf("Exception"), url + " leaked a stack trace: " + a.body());
    }

    private static String randomString(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            sb.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return sb.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
