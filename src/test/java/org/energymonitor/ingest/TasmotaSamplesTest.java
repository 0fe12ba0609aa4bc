package org.energymonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every payload of tasmota-samples.jsonl gives exactly the values in its {@code expect}. */
class TasmotaSamplesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long NOW = OffsetDateTime.parse("2026-02-01T12:00:00Z").toInstant().toEpochMilli();
    private static final Set<String> CHECKED = Set.of("kind", "device", "group", "import_kwh", "export_kwh",
            "power_w", "power_l1_w", "power_l2_w", "power_l3_w", "serial", "device_time", "online", "note");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = PayloadGuard.jsonMapper();
    private final PayloadGuard guard = new PayloadGuard(16_384);
    private final TasmotaTransform transform = new TasmotaTransform(BuiltInMapping.of(),
            new DeviceClock(BERLIN, 48 * 3_600_000L, 300_000L), 50_000);

    static Stream<Arguments> samples() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Arguments> samples = new ArrayList<>();
        try (InputStream in = TasmotaSamplesTest.class.getResourceAsStream("/tasmota-samples.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode sample = mapper.readTree(line);
                    samples.add(Arguments.of(sample.get("id").asText(), sample));
                }
            }
        }
        assertTrue(samples.size() >= 16, "expected the whole fixture, got " + samples.size() + " lines");
        return samples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void gives_the_expected_values(String id, JsonNode sample) throws Exception {
        JsonNode expect = sample.get("expect");
        for (Iterator<String> keys = expect.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            assertTrue(CHECKED.contains(key), id + ": the test does not check expect." + key);
        }
        String topic = sample.get("topic").asText();
        String text = guard.text(sample.get("payload").asText().getBytes(StandardCharsets.UTF_8));
        String kind = expect.get("kind").asText();
        assertEquals(expect.get("device").asText(), guard.device(topic), id + " device");
        if (kind.equals("lwt")) {
            assertEquals("lwt", guard.kind(topic), id + " kind");
            assertEquals(expect.get("online").asBoolean(), guard.online(text), id + " online");
            return;
        }
        String deviceTime = text(expect, "device_time");
        long expectedTs = deviceTime == null || deviceTime.startsWith("1970") ? NOW : epochMs(deviceTime);
        long received = deviceTime == null || deviceTime.startsWith("1970") ? NOW : expectedTs + 5_000;

        Transformed t = transform.transform(topic, JSON.readTree(text), received, false);

        assertEquals(kind, t.kind(), id + " kind");
        assertEquals(expect.get("device").asText(), t.device(), id + " device");
        if (expect.has("device_time")) {
            assertEquals(deviceTime, t.deviceTime(), id + " device_time");
        }
        if (expect.has("group")) {
            assertEquals(text(expect, "group"), t.group(), id + " group");
        }
        if (!kind.equals("reading")) {
            assertNull(t.reading(), id + " reading");
            return;
        }
        Reading r = t.reading();
        assertNotNull(r, id + " reading");
        assertEquals(t.device(), r.meter(), id + " meter");
        assertEquals(expectedTs, r.ts(), id + " ts");
        assertNumber(expect, "import_kwh", r.importKwh(), id);
        assertNumber(expect, "export_kwh", r.exportKwh(), id);
        assertNumber(expect, "power_w", r.powerW(), id);
        if (expect.has("power_l1_w")) {
            assertNumber(expect, "power_l1_w", r.powerL1W(), id);
            assertNumber(expect, "power_l2_w", r.powerL2W(), id);
            assertNumber(expect, "power_l3_w", r.powerL3W(), id);
        }
        assertEquals(text(expect, "serial"), r.serial(), id + " serial");
    }

    private static void assertNumber(JsonNode expect, String key, Double actual, String id) {
        assertTrue(expect.has(key), id + ": expect has no " + key);
        JsonNode value = expect.get(key);
        if (value.isNull()) {
            assertNull(actual, id + " " + key);
        } else {
            assertNotNull(actual, id + " " + key);
            assertEquals(value.doubleValue(), actual, 1e-9, id + " " + key);
        }
    }

    private static String text(JsonNode expect, String key) {
        JsonNode value = expect.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The device time as java.time reads it: with its offset, or as wall-clock time in Berlin. */
    private static long epochMs(String deviceTime) {
        try {
            return OffsetDateTime.parse(deviceTime).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException noOffset) {
            return LocalDateTime.parse(deviceTime).atZone(BERLIN).toInstant().toEpochMilli();
        }
    }
}
