package org.energymonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.energymonitor.ingest.Reading;
import org.energymonitor.store.Database;
import org.energymonitor.store.TestReadings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyQueryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final double KWH = 1e-9;

    @TempDir
    Path dir;

    private static long at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(BERLIN).toInstant().toEpochMilli();
    }

    /** The row the ingestion writes into meter_series when a new counter series starts. */
    private static void seriesStart(Connection c, String meter, long ts, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO meter_series (meter, series_start, serial, reason) VALUES (?, ?, ?, 'serial')")) {
            ps.setString(1, meter);
            ps.setLong(2, ts);
            ps.setString(3, serial);
            ps.executeUpdate();
        }
    }

    private static void assertEnergy(List<Reading> rows, long[] starts, long a, long b, Energy actual) {
        double[] imp = Raw.energy(rows, starts, a, b, true);
        double[] exp = Raw.energy(rows, starts, a, b, false);
        String what = "[" + a + ", " + b + ")";
        assertEquals(imp[0], actual.importKwh(), KWH, what + " import");
        assertEquals(exp[0], actual.exportKwh(), KWH, what + " export");
        assertEquals(imp[1] > 0 || exp[1] > 0, actual.hasData(), what + " hasData");
    }

    /** A meter replaced at {@code swap}: the new one starts near 0 kWh, recorded in meter_series. */
    private static List<Reading> replacedMeter(Connection c, long swap) throws SQLException {
        List<Reading> rows = new ArrayList<>(new TestReadings("m", 21).between(swap - 30 * 3_600_000L, swap - 600_000));
        for (Reading r : new TestReadings("m", 22).between(swap, swap + 30 * 3_600_000L)) {
            rows.add(new Reading("m", r.ts(), r.powerW(), r.importKwh() == null ? null : r.importKwh() - 999.5,
                    r.exportKwh() == null ? null : r.exportKwh() - 49.9, null, null, null, null));
        }
        TestReadings.insertAll(c, rows);
        seriesStart(c, "m", swap, "NEW-SERIAL");
        return rows;
    }

    @Test
    void energy_for_random_ranges_equals_the_interpolated_counters_of_the_raw_rows() throws SQLException {
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate(); Connection c = db.connection()) {
            long swap = at("2026-10-25T12:00");
            List<Reading> rows = replacedMeter(c, swap);
            rows.addAll(0, TestReadings.awkwardDays("m", 23).subList(0, 500));     // March, before the swap series
            TestReadings.insertAll(c, rows.subList(0, 500));
            long[] starts = {swap};
            EnergyQuery query = new EnergyQuery();
            long first = rows.get(0).ts() - 86_400_000;
            long span = swap + 2 * 86_400_000L - first;
            Random random = new Random(24);
            for (int i = 0; i < 300; i++) {
                long a = i % 3 == 0 ? swap - random.nextInt(40 * 3_600_000) : first + (long) (random.nextDouble() * span);
                long b = a + (i % 2 == 0 ? random.nextInt(7_200_000) : (long) (random.nextDouble() * span));
                assertEnergy(rows, starts, a, b, query.between(c, "m", a, b));
            }
            assertEquals(Energy.NONE, query.between(c, "nobody", first, swap));
        }
    }

    @Test
    void a_meter_replacement_adds_neither_a_negative_nor_a_huge_jump() throws SQLException {
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate(); Connection c = db.connection()) {
            long swap = at("2026-10-25T12:00");
            List<Reading> rows = replacedMeter(c, swap);
            Energy day = new EnergyQuery().between(c, "m", at("2026-10-25T00:00"), at("2026-10-26T00:00"));
            assertTrue(day.hasData());
            assertTrue(day.importKwh() > 1 && day.importKwh() < 200, "one day of a household: " + day.importKwh());
            assertTrue(day.exportKwh() >= 0 && day.exportKwh() < 50, "export: " + day.exportKwh());
            assertEnergy(rows, new long[] {swap}, at("2026-10-25T00:00"), at("2026-10-26T00:00"), day);
        }
    }

    @Test
    void daily_energy_splits_at_local_midnight_and_adds_up_across_the_25_hour_day() throws SQLException {
        try (Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate(); Connection c = db.connection()) {
            long swap = at("2026-10-25T12:00");
            List<Reading> rows = replacedMeter(c, swap);
            LocalDate first = LocalDate.parse("2026-10-22");
            long[] midnights = new long[7];
            for (int i = 0; i < midnights.length; i++) {
                midnights[i] = first.plusDays(i).atStartOfDay(BERLIN).toInstant().toEpochMilli();
            }
            assertEquals(25 * 3_600_000L, midnights[4] - midnights[3], "2026-10-25 has 25 hours");
            EnergyQuery query = new EnergyQuery();
            List<Energy> days = query.between(c, "m", midnights);
            assertEquals(6, days.size());
            double sum = 0;
            for (int i = 0; i < days.size(); i++) {
                assertEnergy(rows, new long[] {swap}, midnights[i], midnights[i + 1], days.get(i));
                assertEquals(query.between(c, "m", midnights[i], midnights[i + 1]), days.get(i));
                sum += days.get(i).importKwh();
            }
            assertFalse(days.get(0).hasData(), "no readings around the first day");
            assertEquals(query.between(c, "m", midnights[0], midnights[6]).importKwh(), sum, KWH);
        }
    }
}
