package org.energymonitor.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SimulatedTasmotaTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final ObjectMapper mapper = new ObjectMapper();

    private SimulatedTasmota tasmota() {
        SimulatedMeter meter = new SimulatedMeter(LoadProfile.h0(), BERLIN, 3500, 42, 12_345.6);
        return new SimulatedTasmota(meter, BERLIN, "tasmota_sim", "MT681", "E_in", "E_out", "Power");
    }

    @Test
    void the_payload_is_a_tasmota_sensor_message_in_local_wall_clock_time() throws Exception {
        long summer = ZonedDateTime.of(2026, 7, 1, 10, 4, 5, 0, ZoneId.of("UTC")).toInstant().toEpochMilli();
        String payload = tasmota().payload(summer);
        JsonNode json = mapper.readTree(payload);
        assertEquals(List.of("Time", "MT681"), iterable(json.fieldNames()));
        assertEquals("2026-07-01T12:04:05", json.get("Time").asText());
        JsonNode group = json.get("MT681");
        assertEquals(List.of("E_in", "E_out", "Power"), iterable(group.fieldNames()));
        assertEquals(12_345.6, group.get("E_in").asDouble(), 1e-9);
        assertEquals(0.0, group.get("E_out").asDouble());
        assertTrue(group.get("Power").isIntegralNumber(), payload);
        assertTrue(group.get("Power").asLong() > 0, payload);
        assertTrue(payload.matches("\\{\"Time\":\"[^\"]+\",\"MT681\":\\{\"E_in\":12345\\.6000,\"E_out\":0\\.0000,"
                + "\"Power\":\\d+}}"), payload);
    }

    @Test
    void the_topic_is_the_devices_sensor_topic() {
        assertEquals("tele/tasmota_sim/SENSOR", tasmota().topic());
    }

    @Test
    void payloads_for_now_carry_the_current_local_time_and_rising_counters() throws Exception {
        SimulatedTasmota tasmota = tasmota();
        JsonNode first = mapper.readTree(tasmota.payload());
        LocalDateTime time = LocalDateTime.parse(first.get("Time").asText());
        assertTrue(Duration.between(time, LocalDateTime.now(BERLIN)).abs().getSeconds() < 5, time.toString());
        long now = System.currentTimeMillis();
        double previous = first.get("MT681").get("E_in").asDouble();
        for (long t = now + 10_000; t < now + 3_600_000; t += 10_000) {
            double kwh = mapper.readTree(tasmota.payload(t)).get("MT681").get("E_in").asDouble();
            assertTrue(kwh >= previous);
            previous = kwh;
        }
        assertTrue(previous > 12_345.6);
        JsonNode stepBack = mapper.readTree(tasmota.payload(now));
        assertEquals(previous, stepBack.get("MT681").get("E_in").asDouble(), "a clock stepping back repeats");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
