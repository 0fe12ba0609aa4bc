package org.energymonitor.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The one place where an API request's query parameters (the message headers its route hands over) become the typed
 * request of a query bean: each parameter read and checked in the order the API reports problems, a bad one a 400
 * naming it ({@link BadParameterException}). The query beans take only these requests, so the jobs build them from
 * their own typed values; the meter name is checked against the database by the query ({@link MeterChoice}).
 */
public final class ApiParameters {

    private final TimeParameter times;
    private final ZoneId zone;
    private final Clock clock;

    public ApiParameters(TimeParameter times, ZoneId zone, Clock clock) {
        this.times = times;
        this.zone = zone;
        this.clock = clock;
    }

    /** {@code /api/latest_reading}: {@code meter}. */
    public LatestReading.Request latest(Map<String, Object> headers) {
        return new LatestReading.Request(new RequestParameters(headers).get("meter"));
    }

    /** {@code /api/readings}: {@code maxPoints} (10 to 100000), {@code after}, {@code start}, {@code end}, {@code meter}. */
    public ReadingsQuery.Request readings(Map<String, Object> headers) {
        RequestParameters p = new RequestParameters(headers);
        int maxPoints = times.parseInt("maxPoints", p.get("maxPoints"), 10, 100_000, ReadingsQuery.DEFAULT_MAX_POINTS);
        Long after = times.optional("after", p.get("after"));
        Long start = times.optional("start", p.get("start"));
        Long end = times.optional("end", p.get("end"));
        return new ReadingsQuery.Request(p.get("meter"), start, end, after, maxPoints);
    }

    /** {@code /api/stats}: {@code start} and {@code end}, both required (a bad one named first, else a missing one). */
    public StatsQuery.Request stats(Map<String, Object> headers) {
        RequestParameters p = new RequestParameters(headers);
        Long start = times.optional("start", p.get("start"));
        Long end = times.optional("end", p.get("end"));
        for (String name : new String[] {"start", "end"}) {
            if (p.get(name) == null) {
                throw new BadParameterException(name, "is required (ISO-8601 such as 2026-11-01 or "
                        + "2026-11-01T00:00:00+01:00, or epoch milliseconds)");
            }
        }
        return new StatsQuery.Request(p.get("meter"), start, end);
    }

    /** {@code /api/summary}: {@code meter}. */
    public SummaryQuery.Request summary(Map<String, Object> headers) {
        return new SummaryQuery.Request(new RequestParameters(headers).get("meter"));
    }

    /** {@code /api/daily}: {@code start} and {@code end} as local days, default the last 30; at most 3700. */
    public CalendarQuery.Request daily(Map<String, Object> headers) {
        return calendar(new RequestParameters(headers), ChronoUnit.DAYS, 30, 3700);
    }

    /** {@code /api/monthly}: {@code start} and {@code end} as local months, default the last 12; at most 1200. */
    public CalendarQuery.Request monthly(Map<String, Object> headers) {
        return calendar(new RequestParameters(headers), ChronoUnit.MONTHS, 12, 1200);
    }

    /** {@code /api/export.csv}: {@code resolution} (raw, minute, hour, day), {@code start}, {@code end}, {@code meter}. */
    public ExportQuery.Request export(Map<String, Object> headers) {
        RequestParameters p = new RequestParameters(headers);
        String resolution = p.get("resolution") == null ? "raw" : p.get("resolution");
        ExportQuery.bucket(resolution);
        Long start = times.optional("start", p.get("start"));
        Long end = times.optional("end", p.get("end"));
        return new ExportQuery.Request(p.get("meter"), start, end, resolution);
    }

    /** The days or months [from, to), swapped when reversed; months run from a first of the month to another. */
    private CalendarQuery.Request calendar(RequestParameters p, ChronoUnit unit, int defaultCount, int maxCount) {
        boolean days = unit == ChronoUnit.DAYS;
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate last = days ? today : today.withDayOfMonth(1);
        LocalDate from = date("start", p, last.minus(defaultCount - 1L, unit));
        LocalDate to = date("end", p, last.plus(1, unit));
        if (to.isBefore(from)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        if (!days) {
            from = from.withDayOfMonth(1);
            to = to.getDayOfMonth() == 1 ? to : to.withDayOfMonth(1).plusMonths(1);
        }
        long count = unit.between(from, to);
        if (count > maxCount) {
            throw new BadParameterException(p.get("end") != null ? "end" : "start", "the range holds " + count + " "
                    + unit.toString().toLowerCase() + "; at most " + maxCount + " per request");
        }
        return new CalendarQuery.Request(p.get("meter"), from, to);
    }

    /** The local date of a bound; an end that is not a local midnight includes its whole day. */
    private LocalDate date(String name, RequestParameters p, LocalDate fallback) {
        String raw = p.get(name);
        if (raw == null) {
            return fallback;
        }
        long ms = times.parse(name, raw);
        LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(ms), zone);
        return name.equals("end") && d.atStartOfDay(zone).toInstant().toEpochMilli() != ms ? d.plusDays(1) : d;
    }
}
