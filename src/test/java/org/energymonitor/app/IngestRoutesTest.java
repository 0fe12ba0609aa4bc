package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route tier: the production service (its beans, routes and SQLite file) without any MQTT broker. Messages go
 * straight into {@code direct:ingest-message} as the MQTT route hands them over (body bytes, the topic header), and
 * Camel's {@link NotifyBuilder} says when each exchange is done, so nothing is polled and nothing waits for a broker.
 * The same payloads through a real broker are {@code IngestPipelineTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestRoutesTest {

    @TempDir
    static Path dir;
    private RunningService service;
    private ProducerTemplate template;

    @BeforeAll
    void start() throws Exception {
        // no broker: the MQTT route is not created at all, and nothing listens at the broker URL
        service = new RunningService(dir, Map.of("energy.mqtt.url", "tcp://127.0.0.1:" + RunningService.freePort(),
                "camel.main.route-filter-exclude-pattern", "mqtt-subscription",
                "energy.ingest.max-payload-bytes", "2048")).start();
        template = service.context().createProducerTemplate();
    }

    @AfterAll
    void stop() throws Exception {
        template.stop();
        service.close();
    }

    /** Hands {@code payload} to the ingestion as the MQTT route does and waits until the exchange is done. */
    private void ingest(String topic, byte[] payload) {
        NotifyBuilder done = new NotifyBuilder(service.context()).from("direct:ingest-message").whenDone(1).create();
        template.sendBodyAndHeader("direct:ingest-message", payload, "CamelMqttTopic", topic);
        assertTrue(done.matches(60, TimeUnit.SECONDS), "the message to " + topic + " was handled");
    }

    private void ingest(String topic, String payload) {
        ingest(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private List<Object> reasons(String meter) throws Exception {
        return service.rows("SELECT reason FROM quarantine WHERE meter = ? ORDER BY id", meter).stream()
                .map(r -> r.get("reason")).toList();
    }

    @Test
    void each_kind_of_bad_input_is_quarantined_with_its_reason_when_its_exchange_is_done() throws Exception {
        String topic = "tele/route_tier/SENSOR";
        ingest(topic, new byte[] {(byte) 0xC3, (byte) 0x28, 0x7B});
        ingest(topic, "not json");
        ingest(topic, "{\"MT681\":{\"Total_in\":1.0}} trailing");
        ingest(topic, "[1,2,3]");
        ingest(topic, "{\"MT681\":{\"Total_in\":\"" + "9".repeat(3000) + "\"}}");
        ingest(topic, "{\"MT681\":{\"Total_in\":NaN,\"Power\":5}}");
        ingest(topic, "{\"MT681\":{\"Total_in\":100.0,\"Power\":9000000}}");
        ingest("tele/route_tier/LWT", "Maybe");
        assertEquals(List.of("not_utf8", "not_json", "not_json", "not_object", "too_large", "bad_value",
                "absurd_value", "bad_lwt"), reasons("route_tier"));
    }

    @Test
    void a_good_reading_reaches_the_readings_table_through_the_batch() throws Exception {
        ingest("tele/route_tier_ok/SENSOR", "{\"MT681\":{\"Total_in\":42.5,\"Power_cur\":230}}");
        // the batch is written by the aggregator's own exchange (energy.ingest.batch-ms later)
        RunningService.await(java.time.Duration.ofSeconds(60), "the stored reading", () ->
                service.count("SELECT count(*) FROM readings WHERE meter = 'route_tier_ok' AND import_kwh = 42.5") == 1);
        assertEquals(List.of(), reasons("route_tier_ok"));
    }
}
