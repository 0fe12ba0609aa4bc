package org.energymonitor.query;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * What to answer for: a meter (null for the only or first one) and the local days [from, to); for months, both
     * are the first day of a month.
     */
    public record Request(String meter, LocalDate from, LocalDate to) {
    }

    private static final int AVERAGE_DAYS = 30;

    private final Database db;
    private final MeterChoice meters;
    private final Tariffs tariffs;
    private final ZoneId zone;
    private final Clock clock;
    private final EnergyQuery energy = new EnergyQuery();
    private final ReadingsTable readings = new ReadingsTable();

    public CalendarQuery(Database db, MeterChoice meters, Tariffs tariffs, ZoneId zone, Clock clock) {
        this.db = db;
        this.meters = meters;
        this.tariffs = tariffs;
        this.zone = zone;
        this.clock = clock;
    }

    public Answer daily(Request request) throws Exception {
        return answer(request, ChronoUnit.DAYS);
    }

    public Answer monthly(Request request) throws Exception {
        return answer(request, ChronoUnit.MONTHS);
    }

    private Answer answer(Request request, ChronoUnit unit) throws Exception {
        boolean days = unit == ChronoUnit.DAYS;
        LocalDate from = request.from();
        long count = unit.between(from, request.to());
        try (Connection c = db.reader()) {
            String meter = meters.resolve(c, request.meter());
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

    private long ms(LocalDate d) {
        return d.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
