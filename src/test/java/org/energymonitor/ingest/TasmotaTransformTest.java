package org.energymonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TasmotaTransformTest {

    private static final long NOW = 1_767_268_800_000L; // 2026-01-01T12:00:00Z
    private static final String TOPIC = "tele/meter1/SENSOR";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = PayloadGuard.jsonMapper();

    /** The JSON tree the ingestion's unmarshal step makes of {@code text}. */
    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
    private final DeviceClock clock = new DeviceClock(ZoneId.of("Europe/Berlin"), 3_600_000L, 60_000L);
    private final TasmotaTransform transform = new TasmotaTransform(BuiltInMapping.of(), clock, 30_000);

    private Transformed run(String topic, String payload) {
        return transform.transform(topic, json(payload), NOW, false);
    }

    private QuarantineException quarantined(Reason reason, String topic, String payload) {
        QuarantineException e = assertThrows(QuarantineException.class, () -> run(topic, payload));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"42|number", "\"text\"|string", "[1,2]|array", "null|null", "true|boolean"})
    void quarantines_json_that_is_not_an_object_naming_its_type(String payload, String type) {
        QuarantineException e = quarantined(Reason.NOT_OBJECT, TOPIC, payload);
        assertTrue(e.detail().contains(type), e.detail());
    }

    @Test
    void quarantines_a_java_null_tree_as_not_an_object() {
        QuarantineException e = assertThrows(QuarantineException.class, () -> transform.transform(TOPIC, null, NOW, false));
        assertEquals(Reason.NOT_OBJECT, e.reason());
    }

    @Test
    void quarantines_a_topic_without_a_device() {
        quarantined(Reason.BAD_TOPIC, "SENSOR", "{\"SML\":{\"Total_in\":1}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"abc\"", "\"\"", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"",
        "\"12.5d\"", "\"0x10\"", "true", "{}", "[1]", "1e999"})
    void quarantines_a_meter_field_that_is_not_a_finite_number(String value) {
        QuarantineException e = quarantined(Reason.BAD_VALUE, TOPIC, "{\"SML\":{\"Total_in\":" + value + "}}");
        assertTrue(e.detail().startsWith("Total_in="), e.detail());
    }

    @Test
    void quarantines_a_bad_power_value_even_when_the_counters_are_fine() {
        QuarantineException e = quarantined(Reason.BAD_VALUE, TOPIC,
                "{\"SML\":{\"Total_in\":1.5,\"Power_curr\":\"n/a\"}}");
        assertTrue(e.detail().contains("Power_curr") && e.detail().contains("n/a"), e.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Total_in\":\"12.5\"", "\"Total_in\":1,\"Power\":\" -3 \"", "\"Total_out\":\"0\""})
    void quarantines_a_meter_value_sent_as_text(String fields) {
        QuarantineException e = quarantined(Reason.BAD_VALUE, TOPIC, "{\"SML\":{" + fields + "}}");
        assertTrue(e.detail().endsWith("is not a number"), e.detail());
    }

    @Test
    void takes_a_serial_sent_as_a_number_as_text() {
        assertEquals("12345", run(TOPIC, "{\"SML\":{\"Total_in\":12.5,\"Meter_id\":12345}}").reading().serial());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Total_in\":-0.1", "\"Total_out\":-5", "\"Total_in\":1000000001",
        "\"Power\":30001", "\"Power\":-30001", "\"Total_in\":1,\"Power_p2\":-40000"})
    void quarantines_absurd_values(String fields) {
        quarantined(Reason.ABSURD_VALUE, TOPIC, "{\"SML\":{" + fields + "}}");
    }

    @Test
    void accepts_negative_power_and_values_at_the_limits() {
        Reading r = run(TOPIC, "{\"SML\":{\"Total_in\":0,\"Total_out\":1e9,\"Power\":-30000}}").reading();
        assertEquals(-30000.0, r.powerW());
        assertEquals(0.0, r.importKwh());
        assertEquals(1e9, r.exportKwh());
    }

    @Test
    void uses_the_receive_time_when_there_is_no_time() {
        assertEquals(NOW, run(TOPIC, "{\"SML\":{\"Total_in\":1}}").reading().ts());
    }

    @Test
    void uses_a_plausible_device_time() {
        Transformed t = run(TOPIC, "{\"Time\":\"2026-01-01T12:59:58\",\"SML\":{\"Total_in\":1}}");
        assertEquals(NOW - 2_000, t.reading().ts());
        assertEquals("2026-01-01T12:59:58", t.deviceTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"Time\":\"2026-01-01T11:00:00\",", "\"Time\":\"1970-01-01T00:00:05\",",
        "\"Time\":\"not a time\","})
    void quarantines_a_retained_reading_without_a_believable_time(String time) {
        QuarantineException e = assertThrows(QuarantineException.class, () -> transform.transform(TOPIC,
                json("{" + time + "\"SML\":{\"Total_in\":1}}"), NOW, true));
        assertEquals(Reason.RETAINED_WITHOUT_TIME, e.reason());
    }

    @Test
    void stores_a_retained_reading_at_its_believable_device_time() {
        String payload = "{\"Time\":\"2026-01-01T12:59:58\",\"SML\":{\"Total_in\":1}}";
        Transformed t = transform.transform(TOPIC, json(payload), NOW, true);
        assertEquals(NOW - 2_000, t.reading().ts());
    }

    @Test
    void ignores_a_sensor_message_without_a_meter_group() {
        Transformed t = run(TOPIC, "{\"Time\":\"2026-01-01T12:59:58\",\"DS18B20\":{\"Temperature\":21.5}}");
        assertEquals(new Transformed("ignored", "meter1", null, null, "2026-01-01T12:59:58"), t);
    }

    @Test
    void treats_other_topics_as_state_with_their_time() {
        assertEquals(new Transformed("state", "meter1", null, null, "2026-01-01T12:59:58"),
                run("tele/meter1/STATE", "{\"Time\":\"2026-01-01T12:59:58\",\"POWER\":\"ON\"}"));
        assertEquals(new Transformed("state", "meter1", null, null, null), run("stat/meter1/RESULT", "{\"POWER\":\"ON\"}"));
    }

    @Test
    void reads_a_status_sns_wrapper_on_any_topic() {
        Transformed t = run("stat/meter1/RESULT", "{\"StatusSNS\":{\"Time\":\"2026-01-01T12:59:58\",\"SML\":{\"Total_in\":7}}}");
        assertEquals("reading", t.kind());
        assertEquals(7.0, t.reading().importKwh());
        assertEquals("2026-01-01T12:59:58", t.deviceTime());
    }

    @Test
    void matches_field_names_case_insensitively_after_exact_ones() {
        Reading r = run(TOPIC, "{\"SML\":{\"TOTAL_IN\":3,\"power_cur\":4,\"e_in\":99}}").reading();
        assertEquals(3.0, r.importKwh()); // Total_in comes before E_in, whatever the case
        assertEquals(4.0, r.powerW());
        Reading exact = run(TOPIC, "{\"SML\":{\"TOTAL_IN\":3,\"E_in\":5}}").reading();
        assertEquals(5.0, exact.importKwh()); // an exact match wins over a case-insensitive one
    }

    @Test
    void tries_configured_names_and_group_first_and_keeps_the_defaults() {
        FieldMapping mapping = new FieldMapping("Haus", List.of("Bezug_total"), List.of(), List.of("P"),
                List.of(), List.of(), List.of(), List.of("Nr"));
        TasmotaTransform custom = new TasmotaTransform(mapping, clock, 30_000);
        JsonNode json = json("{\"SML\":{\"Total_in\":1},\"Haus\":{\"Bezug_total\":2,\"Total_in\":3,"
                + "\"P\":4,\"Power\":5,\"Total_out\":6,\"Nr\":\"A1\"}}");
        Transformed t = custom.transform(TOPIC, json, NOW, false);
        assertEquals("Haus", t.group());
        assertEquals(new Reading("meter1", NOW, 4.0, 2.0, 6.0, null, null, null, "A1"), t.reading());
        assertEquals("ignored", custom.transform(TOPIC, json("{\"SML\":{\"Total_in\":1}}"), NOW, false).kind());
    }

    @Test
    void treats_a_null_serial_as_absent() {
        assertNull(run(TOPIC, "{\"SML\":{\"Total_in\":1,\"Meter_id\":null}}").reading().serial());
    }
}
