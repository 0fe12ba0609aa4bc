package org.energymonitor.query;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.energymonitor.store.Database;
import org.energymonitor.store.ReadingsTable;

/**
 * {@code GET /api/daily} and {@code /api/monthly}: energy per local calendar day or month. The counter is
 * interpolated at each local midnight, so the energy between the last reading of one day and the first of the
 * next is split at midnight, and 23- and 25-hour days are simply shorter or longer.
 */
public final class CalendarQuery {

    /**
     * One day or month: {@code label} is {@code 2026-11-27} or {@code 2026-11}; {@code complete} when it has ended
     * and the meter's readings reach across both of its ends; {@code avg30_kwh} (days only) is the mean import of
     * the complete days among the 30 calendar days ending with this one.
     */
    public record Entry(String label, long start, long end, Double importKwh, Double exportKwh, Cost cost,
                        boolean complete, Double avg30Kwh) {
    }

    /** The JSON answer; {@code unit} is {@code day} or {@code month}. */
    public record Answer(String meter, String unit, String currency, List<Entry> entries) {
    }

    private static final int AVERAGE_DAYS = 30;

    private final Database db;
    private final MeterChoice meters;
    private final TimeParameter times;
    private final Tariffs tariffs;
    private final ZoneId zone;
    private final Clock clock;
    private final EnergyQuery energy = new EnergyQuery();
    private final ReadingsTable readings = new ReadingsTable();

    public CalendarQuery(Database db, MeterChoice meters, TimeParameter times, Tariffs tariffs, ZoneId zone, Clock clock) {
        this.db = db;
        this.meters = meters;
        this.times = times;
        this.tariffs = tariffs;
        this.zone = zone;
        this.clock = clock;
    }

    public Answer daily(Map<String, Object> query) throws Exception {
        return answer(new RequestParameters(query), ChronoUnit.DAYS, 30, 3700);
    }

    public Answer monthly(Map<String, Object> query) throws Exception {
        return answer(new RequestParameters(query), ChronoUnit.MONTHS, 12, 1200);
    }

    private Answer answer(RequestParameters p, ChronoUnit unit, int defaultCount, int maxCount) throws Exception {
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
            throw new BadParameterException(p.get("end") != null ? "end" : "start", "the range holds " + count + " " + unit.toString().toLowerCase()
                    + "; at most " + maxCount + " per request");
        }
        try (Connection c = db.reader()) {
            String meter = meters.resolve(c, p.get("meter"));
            String name = days ? "day" : "month";
            long[] span = meter == null ? null : readings.span(c, meter);
            if (span == null || count == 0) {
                return new Answer(meter, name, tariffs.currency(), List.of());
            }
            int lead = days ? AVERAGE_DAYS - 1 : 0;
            long[] bounds = new long[(int) count + lead + 1];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = ms(from.plus(i - (long) lead, unit));
            }
            List<Energy> energies = energy.between(c, meter, bounds);
            long now = clock.millis();
            List<Entry> out = new ArrayList<>((int) count);
            for (int i = lead; i < energies.size(); i++) {
                long a = bounds[i];
                long b = bounds[i + 1];
                Energy e = energies.get(i);
                long[] covered = Coverage.of(a, b, span);
                Cost cost = e.hasData() && covered != null
                        ? tariffs.cost(covered[0], covered[1], (x, y) -> new Kwh(e.importKwh(), e.exportKwh())) : null;
                LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(a), zone);
                out.add(new Entry(days ? d.toString() : d.toString().substring(0, 7), a, b,
                        e.hasData() ? e.importKwh() : null, e.hasData() ? e.exportKwh() : null, cost,
                        complete(a, b, now, span), days ? average(energies, bounds, i, now, span) : null));
            }
            return new Answer(meter, name, tariffs.currency(), out);
        }
    }

    private static boolean complete(long a, long b, long now, long[] span) {
        return b <= now && span[0] <= a && span[1] >= b;
    }

    private static Double average(List<Energy> energies, long[] bounds, int i, long now, long[] span) {
        double sum = 0;
        int n = 0;
        for (int k = Math.max(0, i - AVERAGE_DAYS + 1); k <= i; k++) {
            if (energies.get(k).hasData() && complete(bounds[k], bounds[k + 1], now, span)) {
                sum += energies.get(k).importKwh();
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** The local date of a bound; an end that is not a local midnight includes its whole day. */
    private LocalDate date(String name, RequestParameters p, LocalDate fallback) {
        String raw = p.get(name);
        if (raw == null) {
            return fallback;
        }
        long ms = times.parse(name, raw);
        LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(ms), zone);
        return name.equals("end") && ms(d) != ms ? d.plusDays(1) : d;
    }

    private long ms(LocalDate d) {
        return d.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
