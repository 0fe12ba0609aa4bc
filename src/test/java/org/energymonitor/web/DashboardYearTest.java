package org.energymonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.energymonitor.app.RunningService;
import org.energymonitor.commands.SimulateHistory;
import org.energymonitor.query.WarmUp;
import org.energymonitor.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard on a year of readings: the first page renders completely (chart, selection stats, period summary),
 * and the year view (key 5) shows at most 2,000 buckets of 6 hours, without a console error. A reading every five minutes
 * keeps the year's simulation short; the render times on 10-second readings are the lab's {@code DashboardYearBench}.
 */
class DashboardYearTest {

    @TempDir
    Path dir;

    @Test
    void a_year_of_readings_renders_and_the_year_view_shows_at_most_2000_buckets() throws Exception {
        Browser.requireChromium();
        try (Database db = new Database(dir.resolve("energy.db"), ZoneId.of("Europe/Berlin")).migrate()) {
            new SimulateHistory(db, ZoneId.of("Europe/Berlin")).run("house", 366, 300_000, 3500, 42);
        }
        try (RunningService service = new RunningService(dir, Map.of()).start()) {
            WarmUp warmUp = service.context().getRegistry().lookupByNameAndType("apiWarmUp", WarmUp.class);
            RunningService.await(Duration.ofSeconds(60), "the service's warm-up", warmUp::done);
            try (Browser b = Browser.open(service.httpPort(), 1440, 900, false)) {
                b.load("/");
                assertTrue(((Number) b.js("return performance.getEntriesByName('dashboard-ready').length")).intValue() == 1,
                        "the page marks its first complete render");
                new Actions(b.driver).sendKeys(b.find("body"), "5").perform();
                b.waitUntil(Duration.ofSeconds(60), "the year view", () ->
                        b.find("#point-count").getText().contains("6h buckets")
                                && !b.find("#chart-loading").getAttribute("class").contains("visible"));
                int points = ((Number) b.js("return window.energyMonitor.points()")).intValue();
                assertTrue(points > 1_000 && points <= 2_000, "points: " + points);
                assertEquals(List.of(), b.severeLogs(), "the browser console has no errors");
                b.screenshot("desktop-year-1440x900");
            }
        }
    }
}
