package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.energymonitor.mqtt.ArrivedMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator routes in the routes folder of the real service: the two forwarding examples of docs/examples/routes,
 * copied as they are, receive every stored reading; the meter-state and quarantined events reach an operator route;
 * and an operator route that fails on every event and one that never finishes cost the ingestion nothing: every
 * reading is stored, and only the stuck route's own queue overflows (counted in /status).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int QUEUE = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private RunningService service;
    private HttpServer http;
    private MqttClient subscriber;
    private final List<JsonNode> posted = new CopyOnWriteArrayList<>();
    private final List<JsonNode> forwarded = new CopyOnWriteArrayList<>();
    private final List<JsonNode> states = new CopyOnWriteArrayList<>();
    private final List<JsonNode> quarantined = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    void start() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/readings", ex -> answer(ex, posted));
        http.createContext("/stuck", ex -> {
            try {
                release.await(60, TimeUnit.SECONDS); // the stuck route's one request in flight, until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, new CopyOnWriteArrayList<>());
        });
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.start();
        Path routes = Files.createDirectories(dir.resolve("routes.d"));
        for (String example : List.of("forward-readings-mqtt.yaml", "post-readings-http.yaml")) {
            Files.copy(Path.of("docs/examples/routes", example), routes.resolve(example));
        }
        Files.writeString(routes.resolve("test-events.yaml"), """
                - route:
                    id: test-meter-states
                    description: each meter-state event as JSON on test/events/meter-state
                    from:
                      uri: event:meter-state
                      steps:
                        - marshal: {json: {library: Jackson}}
                        - to: {uri: "paho-mqtt5:test/events/meter-state", parameters: {brokerUrl: "{{energy.mqtt.broker-url}}", clientId: test-states}}
                - route:
                    id: test-quarantined
                    description: each quarantined event as JSON on test/events/quarantined
                    from:
                      uri: event:quarantined
                      steps:
                        - marshal: {json: {library: Jackson}}
                        - to: {uri: "paho-mqtt5:test/events/quarantined", parameters: {brokerUrl: "{{energy.mqtt.broker-url}}", clientId: test-quarantined}}
                - route:
                    id: test-failing
                    description: fails on every stored reading
                    from:
                      uri: event:reading-stored
                      steps:
                        - throwException:
                            exceptionType: java.lang.IllegalStateException
                            message: an operator route that always fails
                - route:
                    id: test-stuck
                    description: its first request never ends while the test runs
                    from:
                      uri: event:reading-stored
                      steps:
                        - marshal: {json: {library: Jackson}}
                        - to: {uri: "{{test.stuck-url}}", parameters: {httpMethod: POST, responseTimeout: 120000}}
                """);
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        service = new RunningService(dir.resolve("data"), Map.of("energy.example.http.url", base + "/readings",
                "test.stuck-url", base + "/stuck", "energy.events.queue-size", Integer.toString(QUEUE))).start();
        subscriber = new MqttClient(service.brokerUrl(), "test-operator-routes", new MemoryPersistence());
        subscriber.setCallback(new ArrivedMessages((topic, m) -> {
            JsonNode node = parse(new String(m.getPayload(), StandardCharsets.UTF_8));
            (topic.equals("energy-monitor/readings") ? forwarded
                    : topic.endsWith("meter-state") ? states : quarantined).add(node);
        }));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        subscriber.connect(options);
        subscriber.subscribe(new String[] {"energy-monitor/readings", "test/events/#"}, new int[] {1, 1});
    }

    @AfterAll
    void stop() throws Exception {
        release.countDown();
        if (subscriber != null) {
            subscriber.disconnect();
            subscriber.close();
        }
        service.close();
        http.stop(0);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(text, e);
        }
    }

    private static void answer(HttpExchange ex, List<JsonNode> into) throws IOException {
        into.add(parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        ex.sendResponseHeaders(204, -1);
        ex.close();
    }

    @Test
    void every_stored_reading_reaches_the_example_routes_while_other_routes_fail_or_hang() throws Exception {
        int n = QUEUE + 12;
        Instant t0 = Instant.now().minusSeconds(600);
        for (int i = 0; i < n; i++) {
            service.publish("tele/opmeter/SENSOR", "{\"Time\":\"" + t0.plusSeconds(i) + "\",\"MT681\":{\"Total_in\":"
                    + (500 + i * 0.01) + ",\"Power\":" + (100 + i) + "}}");
            int sent = i + 1;
            // one at a time: the example routes never have more than one reading waiting, the stuck route piles up
            await(WAIT, "reading " + sent + " forwarded and posted", () -> count(forwarded) >= sent && count(posted) >= sent);
        }
        assertEquals(n, service.count("SELECT count(*) FROM readings WHERE meter = 'opmeter'"));
        JsonNode last = forwarded.stream().filter(j -> "opmeter".equals(j.path("meter").asText())).reduce((a, b) -> b).orElseThrow();
        assertEquals(t0.plusSeconds(n - 1).toEpochMilli(), last.get("ts").asLong());
        assertEquals(500 + (n - 1) * 0.01, last.get("import_kwh").asDouble(), 1e-9);
        assertEquals(100 + n - 1, last.get("power_w").asDouble(), 1e-9);
        assertTrue(last.has("export_kwh") && last.has("power_l1_w"), last.toString());
        assertEquals(last, posted.get(posted.size() - 1));
        // the stuck route holds one reading in its request and QUEUE in its queue; the rest were dropped for it alone
        JsonNode events = service.api().get("/status").json().get("events").get("reading-stored");
        assertEquals(n - 1 - QUEUE, events.get("dropped").asLong(), events.toString());
    }

    @Test
    void meter_states_and_quarantined_messages_are_events() throws Exception {
        service.publish("tele/statemeter/LWT", "Offline");
        await(WAIT, "an offline event", () -> states.stream().anyMatch(j -> "statemeter".equals(j.path("meter").asText())
                && "offline".equals(j.path("state").asText()) && j.path("since").asLong() > 0));
        service.publish("tele/statemeter/SENSOR", "{not json");
        await(WAIT, "a quarantined event", () -> quarantined.stream().anyMatch(j -> "not_json".equals(j.path("reason").asText())
                && "tele/statemeter/SENSOR".equals(j.path("topic").asText()) && "statemeter".equals(j.path("meter").asText())));
    }

    private static long count(List<JsonNode> list) {
        return list.stream().filter(j -> "opmeter".equals(j.path("meter").asText())).count();
    }
}
