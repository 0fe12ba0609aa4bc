package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.camel.ServiceStatus;
import org.energymonitor.ingest.IngestCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graceful stop (what SIGTERM does) writes what the service holds in memory before it ends. */
class GracefulStopTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void partial_readings_still_inside_their_merge_window_are_written_on_a_graceful_stop(@TempDir Path dir) throws Exception {
        // a merge window far longer than the test: only the stop can write the merged reading
        RunningService service = new RunningService(dir, Map.of("energy.ingest.merge-window-ms", "600000")).start();
        try {
            await(WAIT, "the MQTT subscription", () ->
                    service.context().getRouteController().getRouteStatus("mqtt-subscription") == ServiceStatus.Started);
            String time = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).minusSeconds(10)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
            service.publish("tele/stopping/SENSOR", "{\"Time\":\"" + time + "\",\"SML\":{\"Power_curr\":512}}");
            service.publish("tele/stopping/SENSOR", "{\"Time\":\"" + time + "\",\"SML\":{\"Total_out\":12.25}}");
            IngestCounters counters = service.context().getRegistry().lookupByNameAndType("ingestCounters", IngestCounters.class);
            await(WAIT, "both parts handled", () ->
                    counters.get("received") == 2 && service.context().getInflightRepository().size() == 0);
            assertEquals(0, service.count("SELECT count(*) FROM readings"), "the parts wait for their merge window");
        } finally {
            service.stop();
        }
        Map<String, Object> row = service.rows("SELECT * FROM readings WHERE meter = 'stopping'").stream().findFirst()
                .orElseThrow(() -> new AssertionError("the merged reading was lost on the graceful stop"));
        assertEquals(512.0, ((Number) row.get("power_w")).doubleValue());
        assertEquals(12.25, ((Number) row.get("export_kwh")).doubleValue());
    }
}
