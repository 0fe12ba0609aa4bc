package org.energymonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.energymonitor.app.ApiClient;
import org.energymonitor.app.RunningService;
import org.energymonitor.commands.SimulateHistory;
import org.energymonitor.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's touch selection, the connection pill going Offline and coming back, the meter picker and the dark
 * scheme, in headless Chromium against the real service (four days of simulated 10-second readings ending now).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInteractionTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final long HOUR = 3_600_000L;

    @TempDir
    static Path dir;
    static RunningService service;
    static ApiClient api;
    static Database db;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireChromium();
        service = new RunningService(dir, Map.of()).start();
        api = service.api();
        db = service.context().getRegistry().lookupByNameAndType("database", Database.class);
        new SimulateHistory(db, BERLIN).run("house", 4, 10_000, 3500, 42);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    static Map<?, ?> view(Browser b) {
        return (Map<?, ?>) b.js("return window.energyMonitor.view()");
    }

    static long viewWidth(Browser b) {
        Map<?, ?> v = view(b);
        return ((Number) v.get("end")).longValue() - ((Number) v.get("start")).longValue();
    }

    static double value(Browser b, String css) {
        return Double.parseDouble(b.find(css).getAttribute("data-value"));
    }

    static String css(Browser b, String selector, String property) {
        return (String) b.js("return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1]).trim()",
                selector, property);
    }

    /** One finger on the screen (CSS pixels of the viewport), through Chromium's own input pipeline. */
    static void touch(Browser b, String type, double x, double y) {
        List<Map<String, Object>> points = "touchEnd".equals(type) ? List.of() : List.of(Map.of("x", x, "y", y, "id", 1));
        b.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", points));
    }

    /** A finger drag from (x0, y0) to (x1, y1) in 12 steps. */
    static void drag(Browser b, double x0, double y0, double x1, double y1) throws InterruptedException {
        touch(b, "touchStart", x0, y0);
        for (int i = 1; i <= 12; i++) {
            touch(b, "touchMove", x0 + (x1 - x0) * i / 12, y0 + (y1 - y0) * i / 12);
            Thread.sleep(16);
        }
        touch(b, "touchEnd", x1, y1);
    }

    /** The element's box in viewport CSS pixels after scrolling it to the middle of the screen: left, top, w, h. */
    static double[] box(Browser b, String selector) {
        List<?> r = (List<?>) b.js("const e = document.querySelector(arguments[0]);"
                + "e.scrollIntoView({block: 'center', behavior: 'instant'}); const r = e.getBoundingClientRect();"
                + "return [r.left, r.top, r.width, r.height];", selector);
        return r.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    static double scrollY(Browser b) {
        return ((Number) b.js("return window.scrollY")).doubleValue();
    }

    /** The element's top in viewport CSS pixels, without scrolling. */
    static double top(Browser b, String selector) {
        return ((Number) b.js("return document.querySelector(arguments[0]).getBoundingClientRect().top", selector))
                .doubleValue();
    }

    /** Waits until the fling a swipe leaves behind has ended: the same scrollY twice, 200 ms apart. */
    static void awaitStillPage(Browser b) throws InterruptedException {
        double last = Double.NaN;
        for (int i = 0; i < 25; i++) {
            double now = scrollY(b);
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(200);
        }
        throw new AssertionError("the page kept scrolling for 5 s after the swipe");
    }

    @Test
    @Order(1)
    void a_finger_drag_on_the_chart_selects_a_range_with_the_servers_stats_without_scrolling_and_a_double_tap_resets()
            throws Exception {
        try (Browser b = Browser.open(service.httpPort(), 1180, 820, true)) {
            b.load("/");
            assertEquals(24 * HOUR, viewWidth(b));

            // the same upward swipe elsewhere on the page scrolls it: the check below can see a scroll
            double[] summary = box(b, "#summary");
            double before = scrollY(b);
            drag(b, summary[0] + summary[2] / 2, summary[1] + summary[3] / 2, summary[0] + summary[2] / 2,
                    summary[1] + summary[3] / 2 - 120);
            b.waitUntil(Duration.ofSeconds(60), "the page scrolled by the swipe on the summary",
                    () -> scrollY(b) > before + 20);
            awaitStillPage(b); // else the swipe's fling goes on scrolling during the drag below

            double[] over = box(b, "#chart .u-over");
            double mid = over[1] + over[3] / 2;
            drag(b, over[0] + over[2] * 0.25, mid, over[0] + over[2] * 0.6, mid - 120);
            b.waitUntil(Duration.ofSeconds(60), "a zoomed view", () -> viewWidth(b) < 12 * HOUR);
            // where the chart is on the screen, not scrollY: text above it may change with the selection, and then
            // the browser's scroll anchoring moves scrollY to keep the chart in place
            assertEquals(over[1], top(b, "#chart .u-over"), 1, "the chart stayed under the finger: the page did not scroll");
            long width = viewWidth(b);
            assertTrue(width > 6 * HOUR && width < 11 * HOUR, "about 35 % of a day: " + width);
            assertEquals("false", b.find("[data-range=day]").getAttribute("aria-pressed"), "a manual range");

            Map<?, ?> v = view(b);
            JsonNode stats = api.get("/api/stats?start=" + v.get("start") + "&end=" + v.get("end")).json().get("stats");
            b.waitUntil(Duration.ofSeconds(60), "the selection's stats",
                    () -> value(b, "[data-stat=count]") == stats.get("count").asDouble());
            assertEquals(stats.get("energy_used_kwh").asDouble(), value(b, "[data-stat=energy]"), 1e-9);
            assertEquals(stats.get("max_power_watts").asDouble(), value(b, "[data-stat=max]"), 1e-9);
            assertEquals(stats.get("min_power_watts").asDouble(), value(b, "[data-stat=min]"), 1e-9);
            assertEquals(width, (long) value(b, "[data-stat=duration]"));

            over = box(b, "#chart .u-over");
            double x = over[0] + over[2] / 2;
            double y = over[1] + over[3] / 2;
            // two taps within 350 ms; a renderer busy for longer makes them two single taps, so up to three tries
            for (int attempt = 0; attempt < 3 && viewWidth(b) != 24 * HOUR; attempt++) {
                touch(b, "touchStart", x, y);
                touch(b, "touchEnd", x, y);
                touch(b, "touchStart", x, y);
                touch(b, "touchEnd", x, y);
                Thread.sleep(1000);
            }
            b.waitUntil(Duration.ofSeconds(60), "the double tap back to the day", () -> viewWidth(b) == 24 * HOUR);
            assertEquals("true", b.find("[data-range=day]").getAttribute("aria-pressed"));
            assertEquals(List.of(), b.severeLogs(), "the browser console has no errors");
        }
    }

    @Test
    @Order(2)
    void the_connection_pill_turns_offline_when_the_api_fails_and_recovers_by_itself() throws Exception {
        try (Browser b = Browser.open(service.httpPort(), 1440, 900, false)) {
            b.load("/?poll=300");
            assertEquals("Connected", b.find("#connection").getText());
            b.js("window.sameDocument = true"); // gone if the page reloads
            var routes = service.context().getRouteController();
            routes.stopRoute("api-readings");
            try {
                b.waitUntil(Duration.ofSeconds(60), "the pill Offline",
                        () -> "Offline".equals(b.find("#connection").getText()));
                assertEquals("offline", b.find("#connection").getAttribute("data-state"));
                assertNotEquals("", b.find("#connection").getAttribute("title"), "the reason in the tooltip");
            } finally {
                routes.startRoute("api-readings");
            }
            b.waitUntil(Duration.ofSeconds(60), "the pill Connected again",
                    () -> "Connected".equals(b.find("#connection").getText()));
            assertEquals("connected", b.find("#connection").getAttribute("data-state"));
            // not a count of polls around startRoute: a poll started just before it may be the one that succeeds
            assertEquals(Boolean.TRUE, b.js("return window.sameDocument === true"), "recovered by a poll, without a reload");
            assertTrue(b.find("#live-badge").isDisplayed(), "LIVE again");
            b.screenshot("connection-recovered-1440x900");
        }
    }

    @Test
    @Order(3)
    void the_dark_scheme_takes_the_page_and_chart_colours_from_the_dark_theme() throws Exception {
        try (Browser b = Browser.open(service.httpPort(), 1440, 900, false)) {
            String[][] schemes = {
                {"dark", "rgb(11, 11, 11)", "rgb(229, 229, 229)", "rgb(22, 22, 22)", "rgb(59, 130, 246)"},
                {"light", "rgb(245, 245, 244)", "rgb(28, 25, 23)", "rgb(255, 255, 255)", "rgb(37, 99, 235)"},
            };
            for (String[] s : schemes) {
                b.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                        List.of(Map.of("name", "prefers-color-scheme", "value", s[0]))));
                b.load("/?scheme=" + s[0]);
                assertEquals(Boolean.TRUE, b.js("return matchMedia('(prefers-color-scheme: " + s[0] + ")').matches"));
                assertEquals(s[1], css(b, "body", "background-color"), s[0] + " page background");
                assertEquals(s[2], css(b, "body", "color"), s[0] + " text");
                assertEquals(s[3], css(b, ".card", "background-color"), s[0] + " card");
                assertEquals(s[4], css(b, "#series-toggles [data-series=p]", "--swatch"), s[0] + " power trace colour");
                b.screenshot("desktop-" + s[0] + "-1440x900");
            }
            assertEquals(List.of(), b.severeLogs(), "the browser console has no errors");
        }
    }

    /** The selection panel and the period summary show what the API answers for {@code meter}. */
    static void assertShows(Browser b, String meter) throws Exception {
        Map<?, ?> v = view(b);
        JsonNode stats = api.get("/api/stats?meter=" + meter + "&start=" + v.get("start") + "&end=" + v.get("end")).json();
        assertEquals(meter, stats.get("meter").asText());
        assertEquals(stats.get("stats").get("energy_used_kwh").asDouble(), value(b, "[data-stat=energy]"), 1e-9, meter);
        assertEquals(stats.get("stats").get("count").asDouble(), value(b, "[data-stat=count]"), 1e-9, meter);
        JsonNode total = null;
        for (JsonNode p : api.get("/api/summary?meter=" + meter).json().get("periods")) {
            if ("total".equals(p.get("name").asText())) {
                total = p.get("current");
            }
        }
        assertNotNull(total);
        assertEquals(total.get("import_kwh").asDouble(), value(b, "tr[data-period=total] [data-field=kwh]"), 1e-3, meter);
    }

    @Test
    @Order(4)
    void the_meter_picker_appears_with_two_meters_and_shows_the_chosen_meters_data() throws Exception {
        try (Browser b = Browser.open(service.httpPort(), 1440, 900, false)) {
            b.load("/");
            assertNotNull(b.find("#meter-picker").getAttribute("hidden"), "one meter: no picker");

            new SimulateHistory(db, BERLIN).run("garage", 2, 10_000, 900, 7);
            b.load("/?second-meter");
            assertNull(b.find("#meter-picker").getAttribute("hidden"), "two meters: the picker");
            Select picker = new Select(b.find("#meter"));
            assertEquals(List.of("garage", "house"),
                    picker.getOptions().stream().map(o -> o.getAttribute("value")).sorted().toList());
            // without ?meter= the API answers for the first meter by name, and the picker says so
            assertEquals("garage", picker.getFirstSelectedOption().getAttribute("value"));
            assertShows(b, "garage");
            double garageEnergy = value(b, "[data-stat=energy]");

            picker.selectByValue("house");
            b.waitUntil(Duration.ofSeconds(60), "the page of the house",
                    () -> b.driver.getCurrentUrl().contains("meter=house")
                            && "true".equals(b.js("return document.documentElement.dataset.ready")));
            assertEquals("house", new Select(b.find("#meter")).getFirstSelectedOption().getAttribute("value"));
            assertShows(b, "house");
            assertNotEquals(garageEnergy, value(b, "[data-stat=energy]"), 1, "the house's day, not the garage's");
            assertTrue(b.find("#csv-link").getAttribute("href").contains("meter=house"));
            assertEquals(List.of(), b.severeLogs(), "the browser console has no errors");
        }
    }
}
