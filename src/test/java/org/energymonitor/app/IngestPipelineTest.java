package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service with the real routes: messages published over MQTT to the embedded broker end up as rows in the
 * real SQLite file, bad ones in quarantine with their reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter TASMOTA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    @TempDir
    static Path dir;
    private RunningService service;

    @BeforeAll
    void start() throws Exception {
        // a merge window that a stalled test machine cannot outlast between the three parts of one second
        service = new RunningService(dir, Map.of("energy.ingest.max-payload-bytes", "2048",
                "energy.ingest.merge-window-ms", "5000")).start();
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    /** Each sample gets a device of its own: two samples of one real device were taken on different days. */
    private static String isolated(String topic, String id) {
        String[] levels = topic.split("/");
        levels[levels.length - 2] = levels[levels.length - 2] + "-" + id;
        return String.join("/", levels);
    }

    private static String now(int plusSeconds) {
        // zoned: seconds added to a LocalDateTime can land in the spring gap, a local time that never exists
        return ZonedDateTime.now(ZoneId.of("Europe/Berlin")).plusSeconds(plusSeconds).format(TASMOTA);
    }

    @Test
    void stores_every_real_tasmota_sample_with_the_expected_values() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/tasmota-samples.jsonl"));
        int readings = 0;
        for (String line : lines) {
            JsonNode sample = json.readTree(line);
            service.publish(isolated(sample.get("topic").asText(), sample.get("id").asText()), sample.get("payload").asText());
        }
        for (String line : lines) {
            JsonNode sample = json.readTree(line);
            JsonNode expect = sample.get("expect");
            if (!"reading".equals(expect.get("kind").asText())) {
                continue;
            }
            readings++;
            String device = expect.get("device").asText() + "-" + sample.get("id").asText();
            await(WAIT, "a row for " + sample.get("id").asText(), () ->
                    service.count("SELECT count(*) FROM readings WHERE meter = ? AND import_kwh = ?",
                            device, expect.get("import_kwh").asDouble()) == 1);
            Map<String, Object> row = service.rows("SELECT * FROM readings WHERE meter = ? AND import_kwh = ?",
                    device, expect.get("import_kwh").asDouble()).get(0);
            assertEquals(expect.get("power_w").asDouble(), ((Number) row.get("power_w")).doubleValue(), sample.get("id").asText());
            if (expect.get("export_kwh").isNull()) {
                assertNull(row.get("export_kwh"));
            } else {
                assertEquals(expect.get("export_kwh").asDouble(), ((Number) row.get("export_kwh")).doubleValue());
            }
            for (String phase : List.of("power_l1_w", "power_l2_w", "power_l3_w")) {
                if (expect.has(phase)) {
                    assertEquals(expect.get(phase).asDouble(), ((Number) row.get(phase)).doubleValue());
                }
            }
        }
        assertEquals(10, readings, "the fixture file holds ten readings");
        for (String line : lines) {
            JsonNode sample = json.readTree(line);
            assertEquals(0, service.count("SELECT count(*) FROM quarantine WHERE meter = ?",
                    sample.get("expect").get("device").asText() + "-" + sample.get("id").asText()),
                    "no real sample is quarantined: " + sample.get("id").asText());
        }
        await(WAIT, "the MT681 meter", () -> service.count("SELECT count(*) FROM meters WHERE meter = 'tasmota_MT681-mt681-total-names'") == 1);
    }

    @Test
    void quarantines_each_kind_of_bad_input_with_its_reason_and_stores_the_next_good_reading() throws Exception {
        String topic = "tele/bad_input/SENSOR";
        service.publish(topic, new byte[] {(byte) 0xC3, (byte) 0x28, 0x7B});
        service.publish(topic, "this is not json");
        service.publish(topic, "42");
        service.publish(topic, "\"a string\"");
        service.publish(topic, "[1,2,3]");
        service.publish(topic, "{\"MT681\":{\"Total_in\":\"" + "9".repeat(3000) + "\"}}");
        service.publish(topic, "{\"MT681\":{\"Total_in\":\"abc\",\"Power\":5}}");
        service.publish(topic, "{\"MT681\":{\"Total_in\":NaN,\"Power\":5}}");
        service.publish(topic, "{\"MT681\":{\"Total_in\":100.0,\"Power\":Infinity}}");
        service.publish(topic, "{\"MT681\":{\"Total_in\":-5.0,\"Power\":5}}");
        service.publish(topic, "{\"MT681\":{\"Total_in\":100.0,\"Power\":9000000}}");
        service.publish("tele/bad_input/LWT", "Maybe");
        service.publish(topic, "{\"Time\":\"" + now(0) + "\",\"MT681\":{\"Total_in\":100.5,\"Power\":230}}");

        await(WAIT, "the good reading", () ->
                service.count("SELECT count(*) FROM readings WHERE meter = 'bad_input' AND import_kwh = 100.5") == 1);
        await(WAIT, "twelve quarantined messages", () ->
                service.count("SELECT count(*) FROM quarantine WHERE meter = 'bad_input'") == 12);
        List<Object> reasons = service.rows("SELECT reason FROM quarantine WHERE meter = 'bad_input' ORDER BY id")
                .stream().map(r -> r.get("reason")).toList();
        assertEquals(List.of("not_utf8", "not_json", "not_object", "not_object", "not_object", "too_large",
                "bad_value", "bad_value", "bad_value", "absurd_value", "absurd_value", "bad_lwt"), reasons);
        Map<String, Object> first = service.rows("SELECT * FROM quarantine WHERE meter = 'bad_input' ORDER BY id LIMIT 1").get(0);
        assertEquals(topic, first.get("topic"));
        assertTrue(((byte[]) first.get("payload")).length == 3, "the raw bytes are kept");
    }

    @Test
    void quarantines_a_json_object_followed_by_garbage_or_a_second_object_as_not_json() throws Exception {
        String topic = "tele/trailing/SENSOR";
        String reading = "{\"Time\":\"" + now(-5) + "\",\"MT681\":{\"Total_in\":300.5,\"Power\":230}}";
        service.publish(topic, reading + " garbage");
        service.publish(topic, reading + reading.replace("300.5", "300.6"));
        await(WAIT, "two quarantined messages", () ->
                service.count("SELECT count(*) FROM quarantine WHERE meter = 'trailing'") == 2);
        assertEquals(List.of("not_json", "not_json"), service.rows(
                "SELECT reason FROM quarantine WHERE meter = 'trailing' ORDER BY id").stream().map(r -> r.get("reason")).toList());
        service.publish(topic, "{\"Time\":\"" + now(0) + "\",\"MT681\":{\"Total_in\":300.7,\"Power\":230}}");
        await(WAIT, "the next good reading", () ->
                service.count("SELECT count(*) FROM readings WHERE meter = 'trailing' AND import_kwh = 300.7") == 1);
        assertEquals(1, service.count("SELECT count(*) FROM readings WHERE meter = 'trailing'"),
                "nothing was stored from the first object of a bad payload");
    }

    @Test
    void quarantines_a_meter_value_sent_as_text_as_bad_value() throws Exception {
        String topic = "tele/text_values/SENSOR";
        service.publish(topic, "{\"Time\":\"" + now(-5) + "\",\"MT681\":{\"Total_in\":\"400.5\",\"Power\":230}}");
        service.publish(topic, "{\"Time\":\"" + now(-4) + "\",\"MT681\":{\"Total_in\":400.5,\"Power\":\"230\"}}");
        await(WAIT, "two quarantined messages", () ->
                service.count("SELECT count(*) FROM quarantine WHERE meter = 'text_values'") == 2);
        assertEquals(List.of("bad_value", "bad_value"), service.rows(
                "SELECT reason FROM quarantine WHERE meter = 'text_values' ORDER BY id").stream().map(r -> r.get("reason")).toList());
        service.publish(topic, "{\"Time\":\"" + now(0) + "\",\"MT681\":{\"Total_in\":400.6,\"Power\":230}}");
        await(WAIT, "the next good reading", () ->
                service.count("SELECT count(*) FROM readings WHERE meter = 'text_values' AND import_kwh = 400.6") == 1);
        assertEquals(1, service.count("SELECT count(*) FROM readings WHERE meter = 'text_values'"));
    }

    @Test
    void a_duplicated_message_never_creates_a_second_row() throws Exception {
        String payload = "{\"Time\":\"" + now(-30) + "\",\"SML\":{\"Total_in\":2000.25,\"Power_curr\":410}}";
        service.publish("tele/dup_meter/SENSOR", payload);
        service.publish("tele/dup_meter/SENSOR", payload);
        service.publish("tele/dup_meter/SENSOR", payload);
        String later = "{\"Time\":\"" + now(-20) + "\",\"SML\":{\"Total_in\":2000.26,\"Power_curr\":420}}";
        service.publish("tele/dup_meter/SENSOR", later);
        await(WAIT, "the later reading", () -> service.count("SELECT count(*) FROM readings WHERE meter = 'dup_meter' AND import_kwh = 2000.26") == 1);
        assertEquals(2, service.count("SELECT count(*) FROM readings WHERE meter = 'dup_meter'"));
    }

    @Test
    void a_counter_that_drops_to_zero_is_quarantined_and_the_next_reading_stored() throws Exception {
        String t = "tele/glitch_meter/SENSOR";
        service.publish(t, "{\"Time\":\"" + now(-40) + "\",\"MT681\":{\"Total_in\":5000.0,\"Power\":100}}");
        service.publish(t, "{\"Time\":\"" + now(-30) + "\",\"MT681\":{\"Total_in\":0,\"Power\":100}}");
        service.publish(t, "{\"Time\":\"" + now(-20) + "\",\"MT681\":{\"Total_in\":5000.001,\"Power\":100}}");
        await(WAIT, "the reading after the glitch", () ->
                service.count("SELECT count(*) FROM readings WHERE meter = 'glitch_meter' AND import_kwh = 5000.001") == 1);
        assertEquals(2, service.count("SELECT count(*) FROM readings WHERE meter = 'glitch_meter'"));
        assertEquals(1, service.count("SELECT count(*) FROM quarantine WHERE meter = 'glitch_meter' AND reason = 'counter_backwards'"));
    }

    @Test
    void immediate_mode_fields_of_one_second_are_merged_into_one_reading() throws Exception {
        String t = "tele/immediate/SENSOR";
        String time = now(-10);
        service.publish(t, "{\"Time\":\"" + time + "\",\"SML\":{\"Power_curr\":512}}");
        service.publish(t, "{\"Time\":\"" + time + "\",\"SML\":{\"Total_in\":777.5}}");
        service.publish(t, "{\"Time\":\"" + time + "\",\"SML\":{\"Total_out\":12.25}}");
        await(WAIT, "one merged row", () -> service.count("SELECT count(*) FROM readings WHERE meter = 'immediate'") == 1);
        service.awaitEarlierMessages();
        Map<String, Object> row = service.rows("SELECT * FROM readings WHERE meter = 'immediate'").get(0);
        assertEquals(512.0, ((Number) row.get("power_w")).doubleValue());
        assertEquals(777.5, ((Number) row.get("import_kwh")).doubleValue());
        assertEquals(12.25, ((Number) row.get("export_kwh")).doubleValue());
        assertEquals(1, service.count("SELECT count(*) FROM readings WHERE meter = 'immediate'"));
    }

    @Test
    void lwt_sets_the_online_state_of_a_known_meter_and_state_messages_its_last_seen_time() throws Exception {
        service.publish("tele/lwt_meter/SENSOR", "{\"Time\":\"" + now(-5) + "\",\"MT681\":{\"Total_in\":10.0,\"Power\":1}}");
        await(WAIT, "the meter", () -> service.count("SELECT count(*) FROM meters WHERE meter = 'lwt_meter'") == 1);
        service.publish("tele/lwt_meter/LWT", "Offline");
        await(WAIT, "offline", () -> service.count("SELECT count(*) FROM meters WHERE meter = 'lwt_meter' AND online = 0") == 1);
        service.publish("tele/lwt_meter/LWT", "Online");
        await(WAIT, "online", () -> service.count("SELECT count(*) FROM meters WHERE meter = 'lwt_meter' AND online = 1") == 1);
        // the forms PayloadGuard.online accepts (PayloadGuardTest): trimmed, in any case
        service.publish("tele/lwt_meter/LWT", " offline\n");
        await(WAIT, "offline, trimmed", () -> service.count("SELECT count(*) FROM meters WHERE meter = 'lwt_meter' AND online = 0") == 1);
        service.publish("tele/lwt_meter/LWT", "ONLINE");
        await(WAIT, "online, upper case", () -> service.count("SELECT count(*) FROM meters WHERE meter = 'lwt_meter' AND online = 1") == 1);
        long before = service.count("SELECT last_seen FROM meters WHERE meter = 'lwt_meter'");
        Thread.sleep(20);
        service.publish("tele/lwt_meter/STATE", "{\"Time\":\"" + now(0) + "\",\"Uptime\":\"0T00:03:14\"}");
        await(WAIT, "last seen to move", () -> service.count("SELECT last_seen FROM meters WHERE meter = 'lwt_meter'") > before);
        assertEquals(1, service.count("SELECT count(*) FROM readings WHERE meter = 'lwt_meter'"), "STATE stores no reading");
        service.publish("tele/smart_plug/STATE", "{\"POWER\":\"ON\"}");
        service.awaitEarlierMessages();
        assertEquals(0, service.count("SELECT count(*) FROM meters WHERE meter = 'smart_plug'"), "a plug is no meter");
    }

    @Test
    void a_single_reading_is_written_without_waiting_for_a_full_batch() throws Exception {
        service.publish("tele/lonely/SENSOR", "{\"Time\":\"" + now(0) + "\",\"MT681\":{\"Total_in\":1.0,\"Power\":1}}");
        await(WAIT, "the row of a lone reading", () ->
                service.count("SELECT count(*) FROM readings WHERE meter = 'lonely'") == 1);
    }
}
