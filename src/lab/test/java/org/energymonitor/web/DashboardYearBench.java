package org.energymonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.energymonitor.app.RunningService;
import org.energymonitor.commands.SimulateHistory;
import org.energymonitor.query.WarmUp;
import org.energymonitor.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.interactions.Actions;

/**
 * Benchmark (the lab; not part of {@code verify}): the dashboard on a year of 10-second readings (3.15 million rows):
 * the first complete render (navigation start until the chart, the selection stats and the period summary show data)
 * as the first page of several fresh browsers and as later pages, the year view, and, only with
 * {@code -Ddashboard.bench=true}, the JS heap over 1,000 polls. It prints the numbers (target: a median first render
 * of 1.5 s) and asserts no time; with each cold page's requests, marks and long animation frames they go to
 * target/screenshots/performance.txt. Run: {@code mvn -B -Plab test -Dtest=DashboardYearBench -Dserial.skip=true}.
 * The behaviour on a year of readings is checked by {@code DashboardYearTest} in every build.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardYearBench {

    @TempDir
    static Path dir;
    static RunningService service;
    static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        // As on a real installation: the year of readings is there when the service starts.
        try (Database db = new Database(dir.resolve("energy.db"), ZoneId.of("Europe/Berlin")).migrate()) {
            new SimulateHistory(db, ZoneId.of("Europe/Berlin")).run("house", 366, 10_000, 3500, 42);
        }
        service = new RunningService(dir, webDirWithComparison()).start();
        WarmUp warmUp = service.context().getRegistry().lookupByNameAndType("apiWarmUp", WarmUp.class);
        RunningService.await(Duration.ofSeconds(60), "the service's warm-up", warmUp::done);
    }

    /**
     * With {@code -Ddashboard.compareWith=<folder>[,<folder>...]} (e.g. an earlier version's web/ from git archive)
     * the folders are served at /v1/, /v2/, ... beside web/, and the cold runs take turns between the pages on the
     * same service, so a busy machine slows them alike.
     */
    static final String COMPARE_WITH = System.getProperty("dashboard.compareWith", "");

    static Map<String, String> webDirWithComparison() throws Exception {
        if (COMPARE_WITH.isEmpty()) {
            return Map.of();
        }
        Path web = dir.resolve("web");
        copyTree(Path.of("web"), web);
        String[] others = COMPARE_WITH.split(",");
        for (int i = 0; i < others.length; i++) {
            copyTree(Path.of(others[i]), web.resolve("v" + (i + 1)));
        }
        return Map.of("energy.http.web-dir", web.toString());
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("performance.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        report.forEach(System.out::println);
    }

    static long readyMs(Browser b) {
        return Math.round(((Number) b.js(
                "return performance.getEntriesByName('dashboard-ready')[0].startTime")).doubleValue());
    }

    /** Fresh browsers measured on their first page (-Ddashboard.coldRuns=N, default 5). */
    static final int COLD_RUNS = Integer.getInteger("dashboard.coldRuns", 5);

    /** Where the first page's time went: the document, each file and API call (start-end ms), paints, the mark. */
    static final String TIMELINE = "const n = performance.getEntriesByType('navigation')[0];"
            + "const r = performance.getEntriesByType('resource').map(e => e.name.replace(location.origin, '')"
            + ".split('?')[0].replace('/webjars/uplot/dist/', '') + ' ' + Math.round(e.startTime) + '-'"
            + " + Math.round(e.responseEnd));"
            + "const p = performance.getEntriesByType('paint').concat(performance.getEntriesByType('mark'))"
            + ".map(e => e.name + ' ' + Math.round(e.startTime));"
            + "return 'document ' + Math.round(n.responseEnd) + ', domInteractive ' + Math.round(n.domInteractive)"
            + " + ', DOMContentLoaded ' + Math.round(n.domContentLoadedEventEnd) + '; ' + r.join(', ') + '; '"
            + " + p.join(', ');";

    /** Long animation frames of the page (over 50 ms): start+duration, its style/layout part and its scripts. */
    static final String LONG_FRAMES = "const done = arguments[arguments.length - 1];"
            + "new PerformanceObserver((l, o) => { o.disconnect(); done(l.getEntries().map(f => Math.round(f.startTime)"
            + " + '+' + Math.round(f.duration) + ' (render ' + Math.round(f.renderStart ? f.startTime + f.duration - f.renderStart : 0)"
            + " + ', style/layout ' + Math.round(f.styleAndLayoutStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0) + ')'"
            + " + f.scripts.map(s => ' ' + (s.sourceURL.split('/').pop() || s.invoker) + ' ' + s.invokerType + ' '"
            + " + Math.round(s.startTime) + '+' + Math.round(s.duration) + ' compile ' + Math.round(s.executionStart - s.startTime)).join(',')).join('; ')); })"
            + ".observe({ type: 'long-animation-frame', buffered: true });";

    /** With {@code -Ddashboard.latencyMs=N} every request of the measured pages takes N ms longer (as over Wi-Fi). */
    static final int LATENCY_MS = Integer.getInteger("dashboard.latencyMs", 0);

    static String summary(List<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        return "min " + sorted.get(0) + " ms, median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms " + ms;
    }

    @Test
    @Order(1)
    void the_first_complete_render_in_a_fresh_browser_on_a_year_of_readings() throws Exception {
        List<String> pages = new ArrayList<>(List.of("/"));
        if (!COMPARE_WITH.isEmpty()) {
            for (int i = 1; i <= COMPARE_WITH.split(",").length; i++) {
                pages.add("/v" + i + "/");
            }
        }
        Map<String, List<Long>> ready = new java.util.LinkedHashMap<>();
        pages.forEach(p -> ready.put(p, new ArrayList<>()));
        for (int run = 0; run < COLD_RUNS * pages.size(); run++) {
            String page = pages.get(run % pages.size());
            try (Browser b = Browser.open(service.httpPort(), 1440, 900, false)) {
                // The browser itself starts cold too (a fresh profile builds its font cache on the first page with
                // text): a page of text first, so the measurement is of our page, not of Chromium's start-up.
                b.driver.get("data:text/html,<p style='font-family:sans-serif'>Energy Monitor 0123456789 kWh</p>");
                if (LATENCY_MS > 0) {
                    b.driver.executeCdpCommand("Network.enable", Map.of());
                    b.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false,
                            "latency", LATENCY_MS, "downloadThroughput", -1, "uploadThroughput", -1));
                }
                b.load(page);
                ready.get(page).add(readyMs(b));
                report.add(page + " cold load " + (run + 1) + ": ready " + readyMs(b) + " ms; " + b.js(TIMELINE));
                report.add("  long frames: " + b.driver.executeAsyncScript(LONG_FRAMES));
                assertEquals(List.of(), b.severeLogs(), "the browser console has no errors");
            }
        }
        List<Long> cold = ready.get("/");
        report.add("first complete render in a fresh browser (its first page), a year of 10 s readings, 1440x900"
                + (LATENCY_MS > 0 ? ", " + LATENCY_MS + " ms added to every request" : "") + ": "
                + summary(cold));
        for (int i = 1; i < pages.size(); i++) {
            report.add("the same for " + COMPARE_WITH.split(",")[i - 1] + " at " + pages.get(i)
                    + " (taking turns with the above): " + summary(ready.get(pages.get(i))));
        }
    }

    @Test
    @Order(2)
    void later_pages_and_the_year_view() throws Exception {
        try (Browser b = Browser.open(service.httpPort(), 1440, 900, false)) {
            b.driver.get("data:text/html,<p style='font-family:sans-serif'>Energy Monitor 0123456789 kWh</p>");
            b.load("/");
            List<Long> later = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                b.load("/?again=" + i);
                later.add(readyMs(b));
            }
            List<String> times = new ArrayList<>();
            for (String path : WarmUp.firstRequests(System.currentTimeMillis(), ZoneId.of("Europe/Berlin"))) {
                long best = Long.MAX_VALUE;
                for (int i = 0; i < 3; i++) {
                    long t = System.nanoTime();
                    assertEquals(200, service.api().get(path).status());
                    best = Math.min(best, (System.nanoTime() - t) / 1_000_000);
                }
                times.add(path.split("\\?")[0] + " " + best);
            }
            report.add("the page's first requests one at a time on the warm service (best of 3, ms): " + times);
            Map<?, ?> requests = (Map<?, ?>) b.js("return window.energyMonitor.requests()");
            report.add("later pages in the same browser: " + summary(later) + "; requests: " + requests);
            assertEquals(List.of(), b.severeLogs(), "the browser console has no errors");

            long t0 = System.nanoTime();
            new Actions(b.driver).sendKeys(b.find("body"), "5").perform();
            b.waitUntil(Duration.ofSeconds(20), "the year view", () ->
                    b.find("#point-count").getText().contains("6h buckets")
                            && !b.find("#chart-loading").getAttribute("class").contains("visible"));
            long yearMs = (System.nanoTime() - t0) / 1_000_000;
            int points = ((Number) b.js("return window.energyMonitor.points()")).intValue();
            report.add("year view (key 5): " + points + " points at 6h, shown " + yearMs + " ms after the key press");
            assertTrue(points > 1_000 && points <= 2_000, "points: " + points);
            b.screenshot("desktop-year-1440x900");
        }
    }

    @Test
    @Order(3)
    void the_js_heap_stays_flat_over_1000_polls() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("dashboard.bench"), "benchmark: run with -Ddashboard.bench=true");
        try (Browser b = Browser.open(service.httpPort(), 1440, 900, false,
                "--enable-precise-memory-info", "--js-flags=--expose-gc", "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows")) {
            b.load("/?poll=100");
            List<Long> heap = new ArrayList<>();
            long polls0 = ((Number) b.js("return window.energyMonitor.polls()")).longValue();
            for (int step = 0; step <= 10; step++) {
                long target = polls0 + step * 100L;
                b.waitUntil(Duration.ofSeconds(60), "poll " + target,
                        () -> ((Number) b.js("return window.energyMonitor.polls()")).longValue() >= target);
                b.js("window.gc()");
                heap.add(((Number) b.js("return performance.memory.usedJSHeapSize")).longValue());
            }
            Map<?, ?> requests = (Map<?, ?>) b.js("return window.energyMonitor.requests()");
            long held = ((Number) b.js("return window.energyMonitor.heldPoints()")).longValue();
            report.add("JS heap after every 100 of 1,000 polls (bytes, after gc): " + heap + "; requests " + requests
                    + "; points held " + held);
            assertTrue(heap.get(10) < heap.get(1) * 1.2, "heap grew: " + heap);
            assertEquals(0, b.severeLogs().size());
        }
    }
}
