package org.energymonitor.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The BDEW standard load profile H0 (household): hourly mean power per 1,000 kWh of yearly consumption by season
 * (winter, transition, summer) and day type (working day, Saturday, Sunday or nationwide public holiday), times the
 * BDEW seasonal factor F(day of year). Between the centres of two hours the value is interpolated linearly, so the
 * curve has no steps; across midnight the neighbour hour belongs to the neighbour day (its season and day type).
 */
public final class LoadProfile {

    private static final String RESOURCE = "/bdew-h0-hourly.csv";
    private static final List<String> SEASONS = List.of("winter", "transition", "summer");
    private static final List<String> DAY_TYPES = List.of("WT", "SA", "SO");

    /** Watts per 1,000 kWh/a, indexed [season][day type][hour]. */
    private final double[][][] table;

    private LoadProfile(double[][][] table) {
        this.table = table;
    }

    /** The H0 profile from {@code bdew-h0-hourly.csv} on the classpath. */
    public static LoadProfile h0() {
        try (InputStream in = LoadProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The load profile " + RESOURCE + " is missing from the classpath");
            }
            return new LoadProfile(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the load profile " + RESOURCE, e);
        }
    }

    /** The mean household power in W at local time {@code t} for a household using {@code yearlyKwh} a year. */
    public double meanWatts(ZonedDateTime t, double yearlyKwh) {
        LocalDate date = t.toLocalDate();
        double hours = t.getHour() + t.getMinute() / 60.0 + (t.getSecond() + t.getNano() / 1e9) / 3600.0;
        double position = hours - 0.5;
        int lower = (int) Math.floor(position);
        double fraction = position - lower;
        double before = lower < 0 ? hourValue(date.minusDays(1), 23) : hourValue(date, lower);
        double after = lower >= 23 ? hourValue(date.plusDays(1), 0) : hourValue(date, lower + 1);
        return (before + (after - before) * fraction) * yearlyKwh / 1000.0;
    }

    /** The table value for one hour of one day, times the seasonal factor of that day (W per 1,000 kWh/a). */
    double hourValue(LocalDate date, int hour) {
        return table[season(date)][dayType(date)][hour] * seasonalFactor(date.getDayOfYear());
    }

    /** BDEW dynamisation: F(t) = -3.92e-10 t^4 + 3.2e-7 t^3 - 7.02e-5 t^2 + 2.1e-3 t + 1.24, t = day of year. */
    static double seasonalFactor(int dayOfYear) {
        double t = dayOfYear;
        return (((-3.92e-10 * t + 3.2e-7) * t - 7.02e-5) * t + 2.1e-3) * t + 1.24;
    }

    /** 0 winter (Nov 1 - Mar 20), 1 transition (Mar 21 - May 14, Sep 15 - Oct 31), 2 summer (May 15 - Sep 14). */
    static int season(LocalDate date) {
        int md = date.getMonthValue() * 100 + date.getDayOfMonth();
        if (md <= 320 || md >= 1101) {
            return 0;
        }
        if (md >= 515 && md <= 914) {
            return 2;
        }
        return 1;
    }

    /** 0 working day, 1 Saturday, 2 Sunday or nationwide public holiday. */
    static int dayType(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY || GermanHolidays.isNationwideHoliday(date)) {
            return 2;
        }
        return date.getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : 0;
    }

    private static double[][][] parse(BufferedReader reader) throws IOException {
        double[][][] table = new double[SEASONS.size()][DAY_TYPES.size()][24];
        int[] column = null;
        boolean[] seen = new boolean[24];
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            if (column == null) {
                column = columns(Arrays.asList(cells));
                continue;
            }
            int hour = Integer.parseInt(cells[0].trim());
            for (int s = 0; s < SEASONS.size(); s++) {
                for (int d = 0; d < DAY_TYPES.size(); d++) {
                    table[s][d][hour] = Double.parseDouble(cells[column[s * DAY_TYPES.size() + d]].trim());
                }
            }
            seen[hour] = true;
        }
        for (int hour = 0; hour < 24; hour++) {
            if (!seen[hour]) {
                throw new IllegalStateException("The load profile " + RESOURCE + " has no row for hour " + hour);
            }
        }
        return table;
    }

    private static int[] columns(List<String> header) {
        int[] column = new int[SEASONS.size() * DAY_TYPES.size()];
        for (int s = 0; s < SEASONS.size(); s++) {
            for (int d = 0; d < DAY_TYPES.size(); d++) {
                String name = SEASONS.get(s) + "_" + DAY_TYPES.get(d);
                int index = header.stream().map(String::trim).toList().indexOf(name);
                if (index < 0) {
                    throw new IllegalStateException("The load profile " + RESOURCE + " has no column " + name);
                }
                column[s * DAY_TYPES.size() + d] = index;
            }
        }
        return column;
    }
}
