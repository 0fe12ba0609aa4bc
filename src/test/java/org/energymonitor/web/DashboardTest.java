package org.energymonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.energymonitor.app.ApiClient;
import org.energymonitor.app.DayBoundary;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard in a real headless Chromium against the real service on a free port, filled with four days of
 * simulated 10-second readings ending now. Numbers on the page are compared with direct API calls.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final long HOUR = 3_600_000L;

    @TempDir
    static Path dir;
    static RunningService service;
    static ApiClient api;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        // the page's "yesterday" and "this week" must be the API's when they are compared
        DayBoundary.awaitCalendarDay(BERLIN, Duration.ZERO, Duration.ofMinutes(3));
        service = new RunningService(dir, Map.of()).start();
        api = service.api();
        Database db = service.context().getRegistry().lookupByNameAndType("database", Database.class);
        new SimulateHistory(db, BERLIN).run("house", 4, 10_000, 3500, 42);
        browser = Browser.open(service.httpPort(), 1440, 900, false);
        browser.load("/?poll=1000");
    }

    /** Polls started and API requests sent so far, read in one script: a poll starting between two reads would count
     *  on one side only. */
    static long[] pollsAndRequests() {
        List<?> r = (List<?>) browser.js("return [window.energyMonitor.polls(), window.energyMonitor.requests().total]");
        return new long[] {((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue()};
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        service.close();
    }

    static double value(String css) {
        return Double.parseDouble(browser.find(css).getAttribute("data-value"));
    }

    static long viewWidth() {
        Map<?, ?> view = (Map<?, ?>) browser.js("return window.energyMonitor.view()");
        return ((Number) view.get("end")).longValue() - ((Number) view.get("start")).longValue();
    }

    @Test
    @Order(1)
    void the_page_loads_without_console_errors_and_every_panel_shows_data() throws Exception {
        List<String> severe = browser.severeLogs();
        assertTrue(severe.isEmpty(), "console errors: " + severe);
        assertEquals("en", browser.find("html").getAttribute("lang"));
        WebElement chart = browser.find("#chart");
        assertEquals("img", chart.getAttribute("role"));
        assertFalse(chart.getAttribute("aria-label").isBlank());
        assertTrue(browser.find("#chart canvas").isDisplayed(), "uPlot drew its canvas");
        assertTrue(browser.find("#chart-summary").getText().contains("points"), browser.find("#chart-summary").getText());
        assertEquals("Connected", browser.find("#connection").getText());
        assertTrue(browser.find("#live-badge").isDisplayed(), "a view ending now is live");
        assertTrue(browser.findAll(".skeleton").isEmpty(), "no skeleton left");
        assertEquals(6, browser.findAll("#summary tbody tr").size());
        assertTrue(browser.findAll("#daily tbody tr").size() >= 4, "daily table rows");
        assertTrue(browser.findAll("#bars rect").size() >= 4, "bars drawn");
        assertTrue(browser.find("#meter-picker").getAttribute("hidden") != null, "one meter: no picker");
        browser.screenshot("desktop-1440x900");
    }

    @Test
    @Order(2)
    void the_chart_and_the_panels_show_the_values_the_api_returns() throws Exception {
        Map<?, ?> view = (Map<?, ?>) browser.js("return window.energyMonitor.view()");
        long start = ((Number) view.get("start")).longValue();
        long end = ((Number) view.get("end")).longValue();
        JsonNode readings = api.get("/api/readings?start=" + start + "&end=" + end).json();
        assertEquals("1m", readings.get("resolution").asText(), "a day of 10 s readings comes as minutes");
        assertEquals(readings.get("points").size(), ((Number) browser.js("return window.energyMonitor.points()")).intValue(),
                "one chart point per API point");
        JsonNode stats = api.get("/api/stats?start=" + start + "&end=" + end).json().get("stats");
        assertEquals(stats.get("energy_used_kwh").asDouble(), value("[data-stat=energy]"), 1e-9);
        assertEquals(stats.get("cost").get("total").asDouble(), value("[data-stat=cost]"), 1e-9);
        assertEquals(stats.get("max_power_watts").asDouble(), value("[data-stat=max]"), 1e-9);
        assertEquals(stats.get("min_power_watts").asDouble(), value("[data-stat=min]"), 1e-9);
        assertEquals(stats.get("avg_power_watts").asDouble(), value("[data-stat=avg]"), 1e-9);
        assertEquals(stats.get("count").asDouble(), value("[data-stat=count]"), 1e-9);
        String energyText = browser.find("[data-stat=energy]").getText();
        assertEquals(String.format(java.util.Locale.US, "%.2f", stats.get("energy_used_kwh").asDouble()), energyText);

        JsonNode summary = api.get("/api/summary").json();
        for (JsonNode period : summary.get("periods")) {
            String name = period.get("name").asText();
            if (!List.of("yesterday", "this_week", "total").contains(name)) {
                continue; // running periods grow between the page's request and this one
            }
            JsonNode current = period.get("current");
            assertEquals(current.get("import_kwh").asDouble(),
                    value("tr[data-period=" + name + "] [data-field=kwh]"), 1e-3, name);
            assertEquals(current.get("cost").get("total").asDouble(),
                    value("tr[data-period=" + name + "] [data-field=cost]"), 1e-3, name);
        }
        JsonNode daily = api.get("/api/daily").json().get("entries");
        JsonNode yesterday = daily.get(daily.size() - 2);
        WebElement row = browser.find("#daily tr[data-day='" + yesterday.get("label").asText() + "'] td");
        assertEquals(yesterday.get("import_kwh").asDouble(), Double.parseDouble(row.getAttribute("data-value")), 1e-9);
    }

    @Test
    @Order(3)
    void the_number_keys_change_the_range_and_are_ignored_while_typing() {
        Actions keys = new Actions(browser.driver);
        keys.sendKeys(browser.find("body"), "1").perform();
        browser.waitUntil(Duration.ofSeconds(60), "an hour", () -> viewWidth() == HOUR);
        assertEquals("true", browser.find("[data-range=hour]").getAttribute("aria-pressed"));
        browser.waitUntil(Duration.ofSeconds(60), "raw readings for an hour",
                () -> browser.find("#point-count").getText().contains("every reading"));
        keys.sendKeys("3").perform();
        browser.waitUntil(Duration.ofSeconds(60), "a week", () -> viewWidth() == 7 * 24 * HOUR);
        WebElement input = browser.find("#price-input");
        input.click();
        input.sendKeys("2");
        assertEquals(7 * 24 * HOUR, viewWidth(), "typing 2 into the price field does not change the range");
        input.clear();
        input.sendKeys(Keys.TAB);
        keys.sendKeys("2").perform();
        browser.waitUntil(Duration.ofSeconds(60), "a day", () -> viewWidth() == 24 * HOUR);
        // the view changes at once, the chart's scale only when the day's data is drawn: the next test drags on it
        browser.waitUntil(Duration.ofSeconds(60), "the day drawn", () ->
                browser.find("#point-count").getText().contains("1m buckets")
                        && !browser.find("#chart-loading").getAttribute("class").contains("visible"));
        assertEquals(List.of(), browser.severeLogs(), "the browser console has no errors");
    }

    @Test
    @Order(4)
    void a_drag_selection_shows_the_servers_stats_for_the_selected_range_and_esc_resets_it() throws Exception {
        WebElement over = browser.find("#chart .u-over");
        int w = over.getSize().getWidth();
        new Actions(browser.driver).moveToElement(over, -w / 4, 0).clickAndHold().moveByOffset(w / 3, 10).release()
                .perform();
        browser.waitUntil(Duration.ofSeconds(60), "a zoomed view", () -> viewWidth() < 12 * HOUR);
        long width = viewWidth();
        assertTrue(width > 6 * HOUR, "a third of a day: " + width);
        Map<?, ?> view = (Map<?, ?>) browser.js("return window.energyMonitor.view()");
        long start = ((Number) view.get("start")).longValue();
        long end = ((Number) view.get("end")).longValue();
        JsonNode stats = api.get("/api/stats?start=" + start + "&end=" + end).json().get("stats");
        browser.waitUntil(Duration.ofSeconds(60), "the selection's stats",
                () -> value("[data-stat=count]") == stats.get("count").asDouble());
        assertEquals(stats.get("energy_used_kwh").asDouble(), value("[data-stat=energy]"), 1e-9);
        assertEquals(stats.get("max_power_watts").asDouble(), value("[data-stat=max]"), 1e-9);
        assertEquals(stats.get("avg_power_watts").asDouble(), value("[data-stat=avg]"), 1e-9);
        assertEquals(end - start, (long) value("[data-stat=duration]"));
        assertEquals("false", browser.find("[data-range=day]").getAttribute("aria-pressed"), "a manual range");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waitUntil(Duration.ofSeconds(60), "back to the day", () -> viewWidth() == 24 * HOUR);
        assertEquals(List.of(), browser.severeLogs(), "the browser console has no errors");
    }

    @Test
    @Order(5)
    void a_poll_without_new_data_is_one_request_and_a_new_mqtt_reading_appears_at_the_next_poll() throws Exception {
        new Actions(browser.driver).sendKeys(browser.find("body"), "1").perform(); // the last hour: every reading
        browser.waitUntil(Duration.ofSeconds(60), "raw readings for an hour",
                () -> browser.find("#point-count").getText().contains("every reading"));
        long[] before = pollsAndRequests();
        browser.waitUntil(Duration.ofSeconds(30), "three more polls", () -> pollsAndRequests()[0] >= before[0] + 3);
        long[] after = pollsAndRequests();
        long polls = after[0] - before[0];
        assertEquals(polls, after[1] - before[1], "one request per poll without new data");

        JsonNode latest = api.get("/api/latest_reading").json();
        double counter = latest.get("e").asDouble() + 0.002;
        // formatted, not toString(), which drops ":00" seconds (Tasmota's Time always has them)
        String time = OffsetDateTime.now(BERLIN).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
        long[] published = pollsAndRequests();
        service.publish("tele/house/SENSOR", "{\"Time\":\"" + time + "\",\"MT681\":{\"Total_in\":" + counter
                + ",\"Power_cur\":4321}}");
        RunningService.await(Duration.ofSeconds(30), "the reading stored",
                () -> api.get("/api/latest_reading").json().get("p").asDouble() == 4321);
        long[] stored = pollsAndRequests();
        long t = OffsetDateTime.parse(time).toInstant().toEpochMilli();
        browser.waitUntil(Duration.ofSeconds(30), "the reading on the chart", () -> {
            Map<?, ?> last = (Map<?, ?>) browser.js("return window.energyMonitor.lastPoint()");
            return last != null && ((Number) last.get("p")).doubleValue() == 4321
                    && ((Number) last.get("t")).longValue() == t;
        });
        long[] shown = pollsAndRequests();
        // counted in polls, not in milliseconds: the first poll that starts after the commit shows the reading
        // (a poll already under way when it was stored may miss it), whatever else slows the machine
        assertTrue(shown[0] - stored[0] <= 2, "shown within one poll of being stored: " + (shown[0] - stored[0])
                + " polls");
        assertTrue(browser.find("#live-badge").isDisplayed());
        polls = shown[0] - published[0];
        long requests = shown[1] - published[1];
        assertTrue(requests <= polls + 2, "the poll with data cost at most three requests: " + requests + " in "
                + polls + " polls");
        assertEquals(List.of(), browser.severeLogs(), "the browser console has no errors");
    }

    @Test
    @Order(6)
    void the_csv_link_downloads_the_visible_range() throws Exception {
        // the view is the last hour (previous test), so the link is for raw readings
        WebElement link = browser.find("#csv-link");
        assertTrue(link.getAttribute("download") != null);
        String href = link.getAttribute("href");
        assertTrue(href.contains("/api/export.csv?"), href);
        Object header = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('csv-link').href).then(r => r.text().then(t => done("
                + "[r.status, r.headers.get('Content-Disposition'), t.split('\\r\\n')[0], t.split('\\r\\n').length])));");
        List<?> answer = (List<?>) header;
        assertEquals(200L, answer.get(0));
        assertTrue(String.valueOf(answer.get(1)).startsWith("attachment; filename=\"energy-house-"), answer.toString());
        assertEquals("time,timestamp_ms,power_w,import_kwh,export_kwh,power_l1_w,power_l2_w,power_l3_w", answer.get(2));
        Map<?, ?> view = (Map<?, ?>) browser.js("return window.energyMonitor.view()");
        long readings = api.get("/api/stats?start=" + view.get("start") + "&end=" + view.get("end")).json()
                .get("stats").get("count").asLong();
        assertTrue(readings > 300, "the hour shown: " + readings);
        assertEquals(readings, ((Number) answer.get(3)).longValue() - 2, "one line per reading of the view");
    }

    @Test
    @Order(7)
    void a_price_per_kwh_of_the_users_recomputes_and_marks_every_cost_and_can_be_undone() throws Exception {
        WebElement input = browser.find("#price-input");
        input.clear();
        input.sendKeys("1");
        browser.find("#price-form button[type=submit]").click();
        assertTrue(browser.find("#price-notice").isDisplayed());
        Map<?, ?> view = (Map<?, ?>) browser.js("return window.energyMonitor.view()");
        JsonNode cost = api.get("/api/stats?start=" + view.get("start") + "&end=" + view.get("end")).json()
                .get("stats").get("cost");
        double expected = cost.get("import_kwh").asDouble() * 1.0 - cost.get("feed_in_credit").asDouble()
                + cost.get("base_fee").asDouble();
        assertEquals(expected, value("[data-stat=cost]"), 1e-9);
        List<WebElement> amounts = browser.findAll("[data-stat=cost], [data-field=cost], #daily td:nth-child(3)");
        assertTrue(amounts.size() > 10);
        for (WebElement e : amounts) {
            if (!e.getText().equals("–")) {
                assertTrue(e.getAttribute("class").contains("overridden"), "marked: " + e.getText());
            }
        }
        assertEquals("1", browser.js("return localStorage.getItem('energy-monitor.price-per-kwh')"));
        browser.find("#price-clear").click();
        assertTrue(browser.findAll(".overridden").isEmpty(), "back to the tariff everywhere");
        assertFalse(browser.find("#price-notice").isDisplayed());
    }

    @Test
    @Order(8)
    void the_trace_toggles_hide_exactly_their_own_trace() {
        List<WebElement> toggles = browser.findAll("#series-toggles button");
        assertTrue(toggles.size() >= 4);
        for (WebElement t : toggles) {
            String key = t.getAttribute("data-series");
            boolean shown = "true".equals(t.getAttribute("aria-pressed"));
            t.click();
            assertEquals(String.valueOf(!shown), t.getAttribute("aria-pressed"), key);
            t.click();
        }
        assertEquals(List.of(), browser.severeLogs(), "the browser console has no errors");
    }

    @Test
    @Order(9)
    void tablet_and_phone_viewports_have_no_horizontal_scroll() throws Exception {
        for (int[] size : new int[][] {{1180, 820}, {390, 844}}) {
            boolean phone = size[0] < 600;
            try (Browser b = Browser.open(service.httpPort(), size[0], size[1], phone)) {
                b.load("/");
                long scroll = ((Number) b.js("return document.documentElement.scrollWidth")).longValue();
                long client = ((Number) b.js("return document.documentElement.clientWidth")).longValue();
                assertTrue(client >= size[0] - 20, "the viewport less a scroll bar: " + client);
                assertTrue(scroll <= client, size[0] + " px wide page scrolls sideways: " + scroll);
                assertEquals(List.of(), b.severeLogs(), "the browser console has no errors");
                b.screenshot((phone ? "phone-" : "ipad-landscape-") + size[0] + "x" + size[1]);
            }
        }
    }
}
