package org.energymonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadGuardTest {

    private final PayloadGuard guard = new PayloadGuard(32);

    private static QuarantineException quarantined(Reason reason, Executable call) {
        QuarantineException e = assertThrows(QuarantineException.class, call);
        assertEquals(reason, e.reason());
        assertEquals(reason.code() + ": " + e.detail(), e.getMessage());
        return e;
    }

    @Test
    void returns_the_text_of_a_valid_utf8_payload() {
        assertEquals("{\"Zähler\":1}", guard.text("{\"Zähler\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void accepts_a_payload_of_exactly_the_maximum_size() {
        assertEquals(32, guard.text(new byte[32]).length());
    }

    @Test
    void quarantines_a_payload_above_the_maximum_size() {
        QuarantineException e = quarantined(Reason.TOO_LARGE, () -> guard.text(new byte[33]));
        assertTrue(e.detail().contains("33"), e.detail());
    }

    @Test
    void quarantines_bytes_that_are_not_utf8() {
        quarantined(Reason.NOT_UTF8, () -> guard.text(new byte[] {'{', (byte) 0xC3, '}'}));
        quarantined(Reason.NOT_UTF8, () -> guard.text(new byte[] {(byte) 0xFF, (byte) 0xFE}));
        quarantined(Reason.NOT_UTF8, () -> guard.text("Zähler".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{", "Online", "{\"a\":1}x", "{'a':1}"})
    void the_unmarshal_mapper_refuses_text_that_is_not_one_json_value(String text) {
        assertThrows(JacksonException.class, () -> unmarshal(text));
    }

    @Test
    void the_unmarshal_mapper_reads_json_and_nan_as_a_number_for_the_transform_to_reject() throws Exception {
        assertTrue(unmarshal("{\"a\":1}").isObject());
        assertTrue(Double.isNaN(unmarshal("{\"a\":NaN}").get("a").doubleValue()));
        assertTrue(unmarshal("[1]").isArray());
    }

    /** What the route's unmarshal step (camel-jackson with the ingestJson mapper) does with a message's text. */
    private static JsonNode unmarshal(String text) throws Exception {
        try (org.apache.camel.impl.DefaultCamelContext context = new org.apache.camel.impl.DefaultCamelContext();
             org.apache.camel.component.jackson.JacksonDataFormat format =
                     new org.apache.camel.component.jackson.JacksonDataFormat(PayloadGuard.jsonMapper(), JsonNode.class)) {
            format.setCamelContext(context);
            format.start();
            org.apache.camel.Exchange exchange = new org.apache.camel.support.DefaultExchange(context);
            exchange.getIn().setBody(text);
            return (JsonNode) format.unmarshal(exchange, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @ParameterizedTest
    @CsvSource({"tele/tasmota_MT681/SENSOR, tasmota_MT681", "stat/sml/STATUS8, sml", "a/b, a",
        "home/basement/tasmota/tele/SENSOR, tele", "tasmota/LWT, tasmota"})
    void takes_the_device_from_the_level_before_the_last(String topic, String device) {
        assertEquals(device, guard.device(topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SENSOR", "tele//SENSOR", "/SENSOR", ""})
    void quarantines_a_topic_without_a_device_level(String topic) {
        quarantined(Reason.BAD_TOPIC, () -> guard.device(topic));
    }

    @Test
    void quarantines_a_null_topic() {
        quarantined(Reason.BAD_TOPIC, () -> guard.device(null));
    }

    @ParameterizedTest
    @CsvSource({"tele/x/LWT, lwt", "tele/x/SENSOR, reading", "stat/x/STATUS8, reading", "stat/x/STATUS10, reading",
        "tele/x/STATE, state", "tele/x/INFO3, state", "stat/x/RESULT, state", "stat/x/STATUS, state",
        "tele/x/sensor, state"})
    void tells_the_kind_of_message_from_the_last_level(String topic, String kind) {
        assertEquals(kind, guard.kind(topic));
    }

    @Test
    void reads_the_last_will() {
        assertTrue(guard.online("Online"));
        assertFalse(guard.online("Offline"));
        assertTrue(guard.online(" online\n"));
        quarantined(Reason.BAD_LWT, () -> guard.online("{\"state\":\"on\"}"));
        quarantined(Reason.BAD_LWT, () -> guard.online(""));
    }

    @Test
    void quarantine_exceptions_carry_no_stack_trace() {
        QuarantineException e = new QuarantineException(Reason.BAD_TOPIC, "x");
        assertEquals(0, e.getStackTrace().length);
        assertEquals("bad_topic: x", e.getMessage());
    }

    @Test
    void every_reason_code_is_lowercase_snake_case() {
        for (Reason r : Reason.values()) {
            assertEquals(r.name().toLowerCase(java.util.Locale.ROOT), r.code());
        }
    }
}
