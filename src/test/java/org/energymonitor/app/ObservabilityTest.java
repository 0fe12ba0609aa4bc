package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics and health on the dashboard's port, and no second (management) port. */
class ObservabilityTest {

    @TempDir
    static Path dir;
    static RunningService service;
    static ApiClient api;

    private static Set<Integer> before;

    @BeforeAll
    static void start() throws Exception {
        // other test classes in this JVM may have left servers behind: only what the service opens counts
        before = listeningPorts();
        service = new RunningService(dir, Map.of()).start();
        api = service.api();
        service.publish("tele/observed/SENSOR", "{\"MT681\":{\"Total_in\":12.5,\"Power_cur\":250}}");
        service.publish("tele/observed/SENSOR", "not json");
        RunningService.await(Duration.ofSeconds(60), "the reading", () ->
                service.count("SELECT count(*) FROM readings WHERE meter = 'observed'") == 1);
        RunningService.await(Duration.ofSeconds(60), "MQTT up", () ->
                api.get("/observe/health").status() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void metrics_count_readings_quarantine_batches_mqtt_http_and_memory() throws Exception {
        api.get("/status");
        ApiClient.Answer a = api.get("/observe/metrics");
        assertEquals(200, a.status());
        assertTrue(a.contentType().startsWith("text/plain"), a.contentType());
        String m = a.body();
        for (String expected : new String[] {"energy_messages_total{outcome=\"received\"} 2.0",
                "energy_messages_total{outcome=\"stored\"} 1.0",
                "energy_quarantined_total{reason=\"not_json\"} 1.0", "energy_mqtt_connected 1.0",
                "energy_insert_batches_total", "energy_insert_batch_milliseconds_total", "jvm_memory_used_bytes",
                "http_server_requests_seconds_count{endpoint=\"/status\"", "camel_exchanges_total{"}) {
            assertTrue(m.contains(expected), expected + " missing from:\n" + m.substring(0, Math.min(m.length(), 3000)));
        }
    }

    @Test
    void route_timers_cover_the_batch_insert_but_not_the_per_message_routes() throws Exception {
        String m = api.get("/observe/metrics").body();
        assertTrue(m.contains("routeId=\"insert-batch\""), "no timer for insert-batch");
        for (String untimed : new String[] {"ingest-message", "check-reading", "store-readings"}) {
            assertTrue(!m.contains("routeId=\"" + untimed + "\""), untimed + " has a route timer");
        }
    }

    @Test
    void health_is_up_with_both_checks() throws Exception {
        JsonNode h = api.get("/observe/health").json();
        assertEquals("UP", h.get("status").asText());
        assertEquals("UP", h.get("checks").get("mqtt").asText());
        assertEquals("UP", h.get("checks").get("database").asText());
    }

    @Test
    void the_service_listens_only_on_its_http_and_mqtt_ports() throws Exception {
        Set<Integer> ports = listeningPorts();
        int mqtt = Integer.parseInt(service.overrides().get("energy.mqtt.embedded.port"));
        assertTrue(ports.contains(service.httpPort()), ports.toString());
        assertTrue(ports.contains(mqtt), ports.toString());
        assertTrue(!ports.contains(8080), "a management server is listening on 8080: " + ports);
        ports.remove(service.httpPort());
        ports.remove(mqtt);
        ports.removeAll(before);
        assertTrue(ports.isEmpty(), "unexpected listening sockets of the service: " + ports);
    }

    /** TCP ports this process listens on: LISTEN sockets in /proc/net/tcp* whose inode is one of our descriptors. */
    static Set<Integer> listeningPorts() throws Exception {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (Exception e) {
                    // the descriptor closed meanwhile
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
