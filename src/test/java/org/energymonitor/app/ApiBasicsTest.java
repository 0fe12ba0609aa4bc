package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side of the service: status, latest reading, JSON errors, gzip, no echoed headers. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiBasicsTest {

    @TempDir
    static Path dir;
    static RunningService service;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(dir, Map.of()).start();
        api = service.api();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    @Order(1)
    void latest_reading_on_an_empty_database_is_a_json_404() throws Exception {
        ApiClient.Answer a = api.get("/api/latest_reading");
        assertEquals(404, a.status());
        assertEquals("application/json", a.contentType());
        assertTrue(a.json().get("error").asText().contains("empty"), a.body());
    }

    @Test
    @Order(2)
    void status_reports_a_connected_mqtt_consumer_and_an_empty_database() throws Exception {
        RunningService.await(Duration.ofSeconds(60), "MQTT connected", () -> api.get("/status").json()
                .get("mqtt").get("connected").asBoolean());
        JsonNode s = api.get("/status").json();
        assertEquals("ok", s.get("status").asText());
        assertEquals(service.brokerUrl(), s.get("mqtt").get("broker").asText());
        assertEquals(3, s.get("mqtt").get("topics").size());
        assertEquals(0, s.get("readings_total").asLong());
        assertTrue(s.get("jobs").isArray());
        long sinceStart = System.currentTimeMillis() - s.get("started_at").asLong();
        assertTrue(sinceStart >= 0 && Math.abs(sinceStart / 1000 - s.get("uptime_s").asLong()) <= 1,
                "uptime_s is the seconds since started_at: " + s);
    }

    @Test
    @Order(3)
    void latest_reading_returns_the_newest_reading_after_one_arrives() throws Exception {
        service.publish("tele/latest1/SENSOR", "{\"MT681\":{\"Total_in\":1234.5,"
                + "\"Total_out\":2.25,\"Power_cur\":-312}}");
        RunningService.await(Duration.ofSeconds(60), "the reading", () ->
                api.get("/api/latest_reading?meter=latest1").status() == 200);
        JsonNode r = api.get("/api/latest_reading?meter=latest1").json();
        assertEquals("latest1", r.get("meter").asText());
        assertEquals(1234.5, r.get("e").asDouble());
        assertEquals(2.25, r.get("ex").asDouble());
        assertEquals(-312, r.get("p").asDouble());
        assertFalse(r.has("p1"), "absent phases are left out: " + r);
    }

    @Test
    @Order(4)
    void status_counts_the_reading_and_lists_its_meter() throws Exception {
        JsonNode s = api.get("/status").json();
        assertEquals(1, s.get("readings_total").asLong(), s.toString());
        assertEquals(1, s.get("readings_last_hour").asLong(), s.toString());
        assertEquals("latest1", s.get("meters").get(0).get("meter").asText());
        assertEquals(1, s.get("ingest").get("stored").asLong(), s.toString());
    }

    @Test
    void a_counter_glitch_is_quarantined_and_left_out_of_the_energy() throws Exception {
        // zoned, so that the ten minutes are real ones across a daylight-saving change; formatted with the offset
        // rather than toString(), which drops ":00" seconds (Tasmota's Time always has them)
        ZonedDateTime t0 = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).truncatedTo(ChronoUnit.SECONDS).minusMinutes(10);
        DateTimeFormatter tasmota = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
        double[] counters = {100.0, 100.1, 0.0, 100.2};
        for (int i = 0; i < counters.length; i++) {
            service.publish("tele/glitchy/SENSOR", "{\"Time\":\"" + t0.plusMinutes(i).format(tasmota)
                    + "\",\"MT681\":{\"Total_in\":"
                    + counters[i] + ",\"Power_cur\":300}}");
        }
        RunningService.await(Duration.ofSeconds(60), "three readings and one quarantined", () ->
                service.count("SELECT count(*) FROM readings WHERE meter = 'glitchy'") == 3
                        && service.count("SELECT count(*) FROM quarantine WHERE meter = 'glitchy'") == 1);
        long start = t0.toInstant().toEpochMilli();
        JsonNode s = api.get("/api/stats?meter=glitchy&start=" + start + "&end=" + (start + 600_000)).json().get("stats");
        assertEquals(0.2, s.get("energy_used_kwh").asDouble(), 1e-4, s.toString());
        assertEquals(3, s.get("count").asLong());
        assertEquals("counter_backwards", service.rows("SELECT reason FROM quarantine WHERE meter = 'glitchy'")
                .get(0).get("reason"));
    }

    @Test
    void an_unknown_meter_is_a_400_naming_the_parameter() throws Exception {
        ApiClient.Answer a = api.get("/api/latest_reading?meter=nope");
        assertEquals(400, a.status());
        assertEquals("meter", a.json().get("parameter").asText());
        assertTrue(a.json().get("error").asText().startsWith("meter: "), a.body());
    }

    @Test
    void a_parameter_given_twice_is_a_400() throws Exception {
        ApiClient.Answer a = api.get("/api/latest_reading?meter=a&meter=b");
        assertEquals(400, a.status());
        assertEquals("meter", a.json().get("parameter").asText());
    }

    @Test
    void unknown_api_paths_are_json_404s() throws Exception {
        for (String path : new String[] {"/api/nope", "/api/", "/api/readings/extra", "/api/..%2F..%2Fdata%2Fenergy.db"}) {
            ApiClient.Answer a = api.get(path);
            assertEquals(404, a.status(), path);
            assertEquals("application/json", a.contentType(), path);
            assertTrue(a.json().has("error"), path);
        }
    }

    @Test
    void query_parameters_are_not_echoed_as_response_headers() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + service.httpPort() + "/status?secret=xyz")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("secret").isEmpty(), r.headers().toString());
    }

    @Test
    void api_answers_are_never_cached() throws Exception {
        for (String path : new String[] {"/status", "/api/summary", "/api/nothing-here"}) {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + service.httpPort() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), path + " " + r.headers());
        }
    }

    @Test
    void answers_are_gzip_compressed_when_the_client_accepts_it() throws Exception {
        ApiClient.Answer a = api.getGzip("/status");
        assertEquals(200, a.status());
        assertEquals("gzip", a.contentEncoding());
        assertTrue(a.json().has("mqtt"));
    }
}
