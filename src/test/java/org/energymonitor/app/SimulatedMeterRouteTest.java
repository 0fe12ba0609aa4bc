package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * energy.simulator.enabled=true: the simulated Tasmota meter publishes over MQTT and its readings are stored
 * through the same path as a real meter's.
 */
class SimulatedMeterRouteTest {

    @Test
    void the_simulated_meter_publishes_readings_that_land_in_the_database(@TempDir Path dir) throws Exception {
        try (RunningService service = new RunningService(dir, Map.of("energy.simulator.enabled", "true",
                "energy.simulator.period-ms", "300", "energy.simulator.device", "sim-test", "energy.ingest.keep-raw", "true")).start()) {
            await(Duration.ofSeconds(60), "five simulated readings", () ->
                    service.count("SELECT count(*) FROM readings WHERE meter = 'sim-test'") >= 5);
            // stop the meter and let the last batch land, so that the rows and raw payloads compared below stay put
            service.context().getRouteController().stopRoute("simulated-meter");
            service.awaitEarlierMessages();
            List<Map<String, Object>> rows = service.rows(
                    "SELECT power_w, import_kwh FROM readings WHERE meter = 'sim-test' ORDER BY ts");
            double previous = 0;
            for (Map<String, Object> row : rows) {
                double kwh = ((Number) row.get("import_kwh")).doubleValue();
                assertTrue(kwh >= previous, "the counter never runs backwards");
                assertTrue(((Number) row.get("power_w")).doubleValue() >= 0);
                previous = kwh;
            }
            assertEquals(0, service.count("SELECT count(*) FROM quarantine"), "nothing simulated is quarantined");
            assertEquals(rows.size(), service.count("SELECT count(*) FROM raw_payloads r JOIN readings USING (meter, ts) "
                    + "WHERE r.meter = 'sim-test' AND r.payload LIKE '{\"Time\":%'"), "energy.ingest.keep-raw keeps each payload");
            assertEquals(1, service.count("SELECT count(*) FROM meters WHERE meter = 'sim-test' AND online = 1"));
        }
    }
}
