package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;
import org.energymonitor.store.TestReadings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The range endpoints over real HTTP against a seeded database, every number checked against a computation in this
 * test over the rows it wrote (never against the SQL that serves them). Times are Europe/Berlin.
 */
class ApiQueriesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final long MIN = 60_000L;
    static final long HOUR = 3_600_000L;

    @TempDir
    static Path dir;
    static RunningService service;
    static ApiClient api;
    /** Every row written, per meter, for the independent computations. */
    static final Map<String, List<Reading>> written = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(dir, Map.of(
                "energy.tariff.2.valid-from", "2026-06-01",
                "energy.tariff.2.price-per-kwh", "0.40")).start();
        api = service.api();
        // "house": 1 kW all the time, the counter exactly 1 kWh per hour; readings every 5 minutes in three stretches
        for (String[] stretch : new String[][] {{"2026-03-27T00:00", "2026-04-01T00:00"},
                {"2026-05-30T00:00", "2026-06-03T00:00"}, {"2026-10-23T00:00", "2026-10-28T00:00"}}) {
            List<Reading> rows = new ArrayList<>();
            for (long t = at(stretch[0]); t < at(stretch[1]); t += 5 * MIN) {
                rows.add(Reading.of("house", t, 1000.0, houseCounter(t), 0.0));
                // a spike and a dip between the regular readings, written in time order like live readings
                if (t == at("2026-03-28T12:00") || t == at("2026-03-28T13:00")) {
                    long odd = t + (t == at("2026-03-28T12:00") ? 2 : 3) * MIN;
                    rows.add(Reading.of("house", odd, t == at("2026-03-28T12:00") ? 4321.0 : -250.0,
                            houseCounter(odd), 0.0));
                }
            }
            insert(rows);
        }
        // "gapmeter": every 10 minutes, silent from 22:00 to 02:00, the counter rising 1 kWh per hour throughout
        List<Reading> gap = new ArrayList<>();
        for (long t = at("2026-02-10T00:00"); t < at("2026-02-12T00:00"); t += 10 * MIN) {
            if (t <= at("2026-02-10T22:00") || t >= at("2026-02-11T02:00")) {
                gap.add(Reading.of("gapmeter", t, 1000.0, 100.0 + (t - at("2026-02-10T00:00")) / (double) HOUR, null));
            }
        }
        insert(gap);
        // "swap": the meter is replaced at 12:00; the new one starts at 10 kWh
        List<Reading> swap = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            long t = at("2026-01-05T00:00") + h * HOUR;
            swap.add(new Reading("swap", t, 500.0, h < 12 ? 5000 + 0.5 * h : 10 + 0.5 * (h - 12), null, null, null,
                    null, h < 12 ? "OLD" : "NEW"));
        }
        insert(swap);
        try (Connection c = db().connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meter_series (meter, series_start, serial, reason) VALUES ('swap', ?, 'NEW', 'serial')")) {
            ps.setLong(1, at("2026-01-05T12:00"));
            ps.executeUpdate();
        }
        // "sample": the original project's test fixture, 72 hourly rows, power 500+10i W, counter 1000+0.5i kWh
        List<Reading> sample = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            sample.add(new Reading("sample", at("2026-09-01T00:00") + i * HOUR, 500.0 + 10 * i, 1000 + 0.5 * i, null,
                    200.0, 150.0, 150.0, null));
        }
        insert(sample);
        // "avg": 40 days, day k (from 0) uses k + 1 kWh, hourly readings
        List<Reading> avg = new ArrayList<>();
        double c0 = 500;
        for (int k = 0; k < 40; k++) {
            long d0 = at("2026-07-01T00:00") + k * 24 * HOUR;
            for (int h = 0; h < 24; h++) {
                avg.add(Reading.of("avg", d0 + h * HOUR, (k + 1) * 1000.0 / 24, c0 + (k + 1) * h / 24.0, null));
            }
            c0 += k + 1;
        }
        avg.add(Reading.of("avg", at("2026-07-01T00:00") + 40 * 24 * HOUR, 0.0, c0, null));
        insert(avg);
        // "dense": two days of 10-second readings with random power, for buckets
        Random random = new Random(7);
        List<Reading> dense = new ArrayList<>();
        double counter = 40_000;
        for (long t = at("2026-08-01T00:00"); t < at("2026-08-03T00:00"); t += 10_000) {
            double p = 150 + random.nextDouble() * 3000;
            counter += p * 10 / 3_600_000.0;
            dense.add(Reading.of("dense", t, p, counter, null));
        }
        insert(dense);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static Database db() {
        return service.context().getRegistry().lookupByNameAndType("database", Database.class);
    }

    static void insert(List<Reading> rows) throws Exception {
        try (Connection c = db().connection()) {
            TestReadings.insertAll(c, rows);
        }
        try (Connection c = db().connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meters (meter, first_seen, last_seen, last_reading) VALUES (?, 0, 0, 0) "
                        + "ON CONFLICT (meter) DO NOTHING")) {
            ps.setString(1, rows.get(0).meter());
            ps.executeUpdate();
        }
        for (Reading r : rows) {
            written.computeIfAbsent(r.meter(), m -> new ArrayList<>()).add(r);
        }
        written.values().forEach(list -> list.sort((a, b) -> Long.compare(a.ts(), b.ts())));
    }

    static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant().toEpochMilli();
    }

    static double houseCounter(long t) {
        return (t - at("2026-01-01T00:00")) / (double) HOUR;
    }

    static JsonNode get(String pathAndQuery) throws Exception {
        ApiClient.Answer a = api.get(pathAndQuery);
        assertEquals(200, a.status(), pathAndQuery + " → " + a.body());
        return a.json();
    }

    static JsonNode day(JsonNode daily, String date) {
        for (JsonNode e : daily.get("entries")) {
            if (e.get("label").asText().equals(date)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + date + " in " + daily);
    }

    @Test
    void a_spring_dst_day_has_23_hours_of_energy_and_an_autumn_one_25() throws Exception {
        JsonNode march = get("/api/daily?meter=house&start=2026-03-28&end=2026-03-31");
        assertEquals(3, march.get("entries").size());
        assertEquals(24.0, day(march, "2026-03-28").get("import_kwh").asDouble(), 1e-4);
        assertEquals(23.0, day(march, "2026-03-29").get("import_kwh").asDouble(), 1e-4);
        assertEquals(24.0, day(march, "2026-03-30").get("import_kwh").asDouble(), 1e-4);
        JsonNode october = get("/api/daily?meter=house&start=2026-10-25&end=2026-10-26");
        assertEquals(25.0, day(october, "2026-10-25").get("import_kwh").asDouble(), 1e-4);
        assertEquals(at("2026-10-26T00:00") - at("2026-10-25T00:00"),
                day(october, "2026-10-25").get("end").asLong() - day(october, "2026-10-25").get("start").asLong());
        assertTrue(day(october, "2026-10-25").get("complete").asBoolean());
    }

    @Test
    void daily_cost_uses_the_price_and_a_prorated_base_fee() throws Exception {
        JsonNode cost = day(get("/api/daily?meter=house&start=2026-03-29&end=2026-03-30"), "2026-03-29").get("cost");
        assertEquals(23 * 0.30, cost.get("import_cost").asDouble(), 1e-4);
        double marchHours = (at("2026-04-01T00:00") - at("2026-03-01T00:00")) / (double) HOUR;
        assertEquals(12.00 * 23 / marchHours, cost.get("base_fee").asDouble(), 1e-4);
        assertEquals("EUR", cost.get("currency").asText());
    }

    @Test
    void energy_across_a_gap_over_midnight_is_split_at_midnight_not_lost() throws Exception {
        JsonNode daily = get("/api/daily?meter=gapmeter&start=2026-02-10&end=2026-02-12");
        double midnight = interpolate(written.get("gapmeter"), at("2026-02-11T00:00"));
        double first = written.get("gapmeter").get(0).importKwh();
        double last = written.get("gapmeter").get(written.get("gapmeter").size() - 1).importKwh();
        assertEquals(midnight - first, day(daily, "2026-02-10").get("import_kwh").asDouble(), 1e-4);
        assertEquals(last - midnight, day(daily, "2026-02-11").get("import_kwh").asDouble(), 1e-4);
        assertEquals(24.0, midnight - first, 1e-4, "1 kWh per hour, bridged across the gap: " + written.get("gapmeter").subList(0, 3));
    }

    @Test
    void a_meter_replacement_counts_each_counter_series_on_its_own() throws Exception {
        JsonNode s = get("/api/stats?meter=swap&start=2026-01-05T00:00&end=2026-01-06T00:00").get("stats");
        double expected = (5000 + 0.5 * 11 - 5000) + (10 + 0.5 * 11 - 10);
        assertEquals(expected, s.get("energy_used_kwh").asDouble(), 1e-4);
        assertEquals(24, s.get("count").asLong());
    }

    @Test
    void a_tariff_change_inside_a_range_prices_each_part_at_its_own_price() throws Exception {
        JsonNode s = get("/api/stats?meter=house&start=2026-05-31T12:00&end=2026-06-01T12:00").get("stats");
        assertEquals(24.0, s.get("energy_used_kwh").asDouble(), 1e-4);
        assertEquals(12 * 0.30 + 12 * 0.40, s.get("cost").get("import_cost").asDouble(), 1e-4);
    }

    @Test
    void stats_of_the_original_fixture_are_exact() throws Exception {
        long t0 = at("2026-09-01T00:00");
        JsonNode s = get("/api/stats?meter=sample&start=" + t0 + "&end=" + (t0 + 72 * HOUR)).get("stats");
        assertEquals(72, s.get("count").asLong());
        assertEquals(500.0, s.get("min_power_watts").asDouble());
        assertEquals(1210.0, s.get("max_power_watts").asDouble());
        assertEquals(35.5, s.get("energy_used_kwh").asDouble(), 1e-4);
        assertEquals(timeWeightedAverage(written.get("sample"), t0, t0 + 72 * HOUR),
                s.get("avg_power_watts").asDouble(), 2e-3);
        assertEquals(t0, s.get("first_ts").asLong());
        assertEquals(t0 + 71 * HOUR, s.get("last_ts").asLong());
    }

    @Test
    void stats_swaps_a_reversed_range() throws Exception {
        long t0 = at("2026-09-01T00:00");
        JsonNode a = get("/api/stats?meter=sample&start=" + (t0 + 10 * HOUR) + "&end=" + t0);
        assertEquals(t0, a.get("start").asLong());
        assertEquals(t0 + 10 * HOUR, a.get("end").asLong());
        assertEquals(10, a.get("stats").get("count").asLong());
    }

    @Test
    void stats_over_random_ranges_match_the_raw_rows() throws Exception {
        Random random = new Random(11);
        List<Reading> rows = written.get("house");
        for (int i = 0; i < 25; i++) {
            long a = at("2026-03-27T00:00") + (long) (random.nextDouble() * 5 * 24 * HOUR);
            long b = a + (long) (random.nextDouble() * 30 * HOUR);
            JsonNode s = get("/api/stats?meter=house&start=" + a + "&end=" + b).get("stats");
            List<Reading> in = rows.stream().filter(r -> r.ts() >= a && r.ts() < b).toList();
            assertEquals(in.size(), s.get("count").asLong(), "count " + a + ".." + b);
            if (!in.isEmpty()) {
                assertEquals(in.stream().mapToDouble(Reading::powerW).min().orElseThrow(),
                        s.get("min_power_watts").asDouble(), 1e-4);
                assertEquals(in.stream().mapToDouble(Reading::powerW).max().orElseThrow(),
                        s.get("max_power_watts").asDouble(), 1e-4);
                assertEquals(timeWeightedAverage(rows, a, b), s.get("avg_power_watts").asDouble(), 2e-3);
            }
            double expected = interpolate(rows, b) - interpolate(rows, a);
            assertEquals(expected, s.get("energy_used_kwh").asDouble(), 1e-4, "energy " + a + ".." + b);
        }
    }

    @Test
    void after_returns_only_newer_rows() throws Exception {
        long t0 = at("2026-09-01T00:00");
        JsonNode r = get("/api/readings?meter=sample&after=" + (t0 + 69 * HOUR) + "&end=" + (t0 + 100 * HOUR));
        assertEquals("raw", r.get("resolution").asText());
        assertEquals(2, r.get("points").size());
        assertEquals(t0 + 70 * HOUR, r.get("points").get(0).get("t").asLong());
        assertEquals(1000 + 0.5 * 70, r.get("points").get(0).get("e").asDouble(), 1e-4);
        assertEquals(200.0, r.get("points").get(0).get("p1").asDouble());
        assertEquals(0, get("/api/readings?meter=sample&after=" + (t0 + 71 * HOUR)).get("points").size());
    }

    @Test
    void readings_accepts_epoch_millisecond_bounds_and_returns_raw_points() throws Exception {
        long t0 = at("2026-09-01T00:00");
        JsonNode r = get("/api/readings?meter=sample&start=" + t0 + "&end=" + (t0 + 24 * HOUR));
        assertEquals("raw", r.get("resolution").asText());
        assertEquals(24, r.get("points").size());
        JsonNode first = r.get("points").get(0);
        assertEquals(t0, first.get("t").asLong());
        assertEquals(500.0, first.get("p").asDouble());
        assertEquals(1000.0, first.get("e").asDouble());
        assertFalse(first.has("pmin"), "raw points carry no bucket fields");
    }

    @Test
    void more_rows_than_max_points_come_as_buckets_that_keep_the_true_extremes() throws Exception {
        long a = at("2026-08-01T00:00");
        long b = at("2026-08-03T00:00");
        JsonNode r = get("/api/readings?meter=dense&start=" + a + "&end=" + b + "&maxPoints=500");
        assertEquals("15m", r.get("resolution").asText());
        long step = 15 * MIN;
        Map<Long, List<Reading>> groups = new TreeMap<>();
        for (Reading x : written.get("dense")) {
            groups.computeIfAbsent(Math.floorDiv(x.ts(), step) * step, k -> new ArrayList<>()).add(x);
        }
        assertEquals(groups.size(), r.get("points").size());
        assertTrue(r.get("points").size() <= 500);
        int i = 0;
        double trueMax = Double.NEGATIVE_INFINITY;
        double servedMax = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Long, List<Reading>> g : groups.entrySet()) {
            JsonNode p = r.get("points").get(i++);
            List<Reading> rows = g.getValue();
            assertEquals(g.getKey(), p.get("t").asLong());
            assertEquals(rows.size(), p.get("n").asLong());
            assertEquals(rows.stream().mapToDouble(Reading::powerW).min().orElseThrow(), p.get("pmin").asDouble(), 1e-4);
            assertEquals(rows.stream().mapToDouble(Reading::powerW).max().orElseThrow(), p.get("pmax").asDouble(), 1e-4);
            assertEquals(rows.get(rows.size() - 1).importKwh(), p.get("e").asDouble(), 1e-4, "counter at the end");
            trueMax = Math.max(trueMax, rows.stream().mapToDouble(Reading::powerW).max().orElseThrow());
            servedMax = Math.max(servedMax, p.get("pmax").asDouble());
        }
        assertEquals(trueMax, servedMax, 1e-4);
    }

    @Test
    void an_empty_range_is_an_empty_answer_not_an_error() throws Exception {
        assertEquals(0, get("/api/readings?meter=sample&start=2020-01-01&end=2020-01-02").get("points").size());
        JsonNode s = get("/api/stats?meter=sample&start=2020-01-01&end=2020-01-02").get("stats");
        assertEquals(0, s.get("count").asLong());
        assertFalse(s.has("energy_used_kwh"));
        assertEquals(0, get("/api/stats?meter=sample&start=2026-09-01&end=2026-09-01").get("stats").get("count").asLong());
    }

    @Test
    void stats_requires_both_bounds() throws Exception {
        for (String q : new String[] {"", "?start=2026-09-01", "?end=2026-09-02"}) {
            ApiClient.Answer a = api.get("/api/stats" + q);
            assertEquals(400, a.status(), q);
            assertTrue(a.json().get("error").asText().contains("required"), a.body());
        }
    }

    @Test
    void the_summary_lists_every_period_with_comparisons_and_a_forecast() throws Exception {
        JsonNode s = get("/api/summary?meter=house");
        List<String> names = new ArrayList<>();
        s.get("periods").forEach(p -> names.add(p.get("name").asText()));
        assertEquals(List.of("today", "yesterday", "this_week", "this_month", "this_year", "last_24h", "last_7d",
                "last_30d", "total"), names);
        JsonNode total = s.get("periods").get(8).get("current");
        List<Reading> rows = written.get("house");
        assertEquals(rows.get(rows.size() - 1).importKwh() - rows.get(0).importKwh(),
                total.get("import_kwh").asDouble(), 1e-4);
        assertNotEquals(null, s.get("forecast"));
        assertEquals("EUR", s.get("currency").asText());
    }

    @Test
    void monthly_energy_comes_from_the_counter_at_each_local_month_start() throws Exception {
        JsonNode m = get("/api/monthly?meter=house&start=2026-03-01&end=2026-11-01");
        Map<String, JsonNode> months = new TreeMap<>();
        m.get("entries").forEach(e -> months.put(e.get("label").asText(), e));
        assertEquals(8, months.size());
        // June lies between two stretches of readings: the counter is bridged, 30 days of 1 kWh per hour
        assertEquals(720.0, months.get("2026-06").get("import_kwh").asDouble(), 1e-4);
        List<Reading> rows = written.get("house");
        assertEquals(interpolate(rows, at("2026-04-01T00:00")) - interpolate(rows, at("2026-03-01T00:00")),
                months.get("2026-03").get("import_kwh").asDouble(), 1e-4);
        assertFalse(months.get("2026-03").get("complete").asBoolean(), "readings begin on March 27");
    }

    @Test
    void the_csv_export_has_a_header_and_one_line_per_reading() throws Exception {
        long t0 = at("2026-09-01T00:00");
        ApiClient.Answer a = api.get("/api/export.csv?meter=sample&start=" + t0 + "&end=" + (t0 + 3 * HOUR));
        assertEquals(200, a.status());
        assertTrue(a.contentType().startsWith("text/csv"), a.contentType());
        String[] lines = a.body().split("\r\n");
        assertEquals(4, lines.length, a.body());
        assertEquals("time,timestamp_ms,power_w,import_kwh,export_kwh,power_l1_w,power_l2_w,power_l3_w", lines[0]);
        assertEquals("2026-09-01T00:00:00+02:00," + t0 + ",500,1000,,200,150,150", lines[1]);
        ApiClient.Answer hourly = api.get("/api/export.csv?meter=house&start=2026-03-29&end=2026-03-30&resolution=hour");
        assertEquals(24, hourly.body().split("\r\n").length, "a header and 23 hours on the spring DST day");
    }

    @Test
    void daily_groups_the_original_fixture_into_local_days_and_marks_the_partial_one() throws Exception {
        JsonNode daily = get("/api/daily?meter=sample&start=2026-09-01&end=2026-09-04");
        assertEquals(3, daily.get("entries").size());
        assertEquals(12.0, day(daily, "2026-09-01").get("import_kwh").asDouble(), 1e-4);
        assertEquals(12.0, day(daily, "2026-09-02").get("import_kwh").asDouble(), 1e-4);
        assertEquals(11.5, day(daily, "2026-09-03").get("import_kwh").asDouble(), 1e-4, "ends at the last reading");
        assertTrue(day(daily, "2026-09-01").get("complete").asBoolean());
        assertFalse(day(daily, "2026-09-03").get("complete").asBoolean());
        assertEquals(12.0, day(daily, "2026-09-03").get("avg30_kwh").asDouble(), 1e-4, "partial days stay out");
    }

    @Test
    void the_30_day_average_runs_over_calendar_days() throws Exception {
        JsonNode daily = get("/api/daily?meter=avg&start=2026-07-01&end=2026-08-10");
        assertEquals(40, daily.get("entries").size());
        for (int k = 0; k < 40; k++) {
            JsonNode e = daily.get("entries").get(k);
            assertEquals(k + 1.0, e.get("import_kwh").asDouble(), 1e-4, e.toString());
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, k - 29); j <= k; j++) {
                sum += j + 1;
                n++;
            }
            assertEquals(sum / n, e.get("avg30_kwh").asDouble(), 1e-4, e.toString());
        }
    }

    /** The counter at {@code t}, linear between the neighbouring rows, clamped at the ends. */
    static double interpolate(List<Reading> rows, long t) {
        Reading before = null;
        for (Reading r : rows) {
            if (r.ts() == t) {
                return r.importKwh();
            }
            if (r.ts() > t) {
                return before == null ? r.importKwh()
                        : before.importKwh() + (r.importKwh() - before.importKwh()) * (t - before.ts()) / (double) (r.ts() - before.ts());
            }
            before = r;
        }
        return before.importKwh();
    }

    /** Σ p·w / Σ w with w = the time since the meter's previous reading, at most 15 minutes (0 for the first). */
    static double timeWeightedAverage(List<Reading> rows, long a, long b) {
        double pw = 0;
        double w = 0;
        for (int i = 0; i < rows.size(); i++) {
            Reading r = rows.get(i);
            if (r.ts() >= a && r.ts() < b) {
                long weight = i == 0 ? 0 : Math.min(r.ts() - rows.get(i - 1).ts(), 15 * MIN);
                pw += r.powerW() * weight;
                w += weight;
            }
        }
        return pw / w;
    }
}
