package org.energymonitor.query;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.energymonitor.store.Database;
import org.energymonitor.store.ReadingsTable;

/**
 * {@code GET /api/summary}: import, export and cost for the calendar and rolling periods of {@link Periods}, each
 * with the same period one step and one year earlier, the total since monitoring began, and the billing forecast.
 * Computed on every request from the counters (a handful of index look-ups per period), never cached.
 */
public final class SummaryQuery {

    /** One period's numbers; energy and cost are null when the meter has no readings around it. */
    public record Figures(long start, long end, Double importKwh, Double exportKwh, Cost cost) {
    }

    /** A period with its comparisons ({@code previous} and {@code year_ago} are null for {@code total}). */
    public record Entry(String name, Figures current, Figures previous, Figures yearAgo) {
    }

    /** The JSON answer; {@code forecast} is null on an empty database. */
    public record Answer(String meter, long generatedAt, String currency, List<Entry> periods, Forecast forecast) {
    }

    /** What to answer for: a meter's name, or null for the only (or first) meter. */
    public record Request(String meter) {
    }

    private final Database db;
    private final MeterChoice meters;
    private final Periods periods;
    private final Tariffs tariffs;
    private final BillingYear billing;
    private final Clock clock;
    private final ReadingsTable readings = new ReadingsTable();

    public SummaryQuery(Database db, MeterChoice meters, Periods periods, Tariffs tariffs, BillingYear billing,
                        Clock clock) {
        this.db = db;
        this.meters = meters;
        this.periods = periods;
        this.tariffs = tariffs;
        this.billing = billing;
        this.clock = clock;
    }

    public Answer summary(Request request) throws Exception {
        long now = clock.millis();
        try (Connection c = db.reader()) {
            String meter = meters.resolve(c, request.meter());
            List<Entry> out = new ArrayList<>();
            long[] span = meter == null ? null : readings.span(c, meter);
            if (span == null) {
                return new Answer(meter, now, tariffs.currency(), out, null);
            }
            EnergySource source = StatsQuery.source(c, meter);
            for (Period period : periods.summary()) {
                out.add(new Entry(period.name(), figures(c, meter, period.start(), period.end(), span),
                        figures(c, meter, period.previousStart(), period.previousEnd(), span),
                        figures(c, meter, period.yearAgoStart(), period.yearAgoEnd(), span)));
            }
            out.add(new Entry("total", figures(c, meter, span[0], Math.max(now, span[1] + 1), span), null, null));
            return new Answer(meter, now, tariffs.currency(), out, billing.forecast(source, span[0]));
        }
    }

    private Figures figures(Connection c, String meter, long start, long end, long[] span) throws Exception {
        StatsQuery.Priced priced = StatsQuery.priced(c, tariffs, meter, start, end, span);
        Energy e = priced.energy();
        if (!e.hasData() || priced.cost() == null) {
            return new Figures(start, end, null, null, null);
        }
        return new Figures(start, end, e.importKwh(), e.exportKwh(), priced.cost());
    }
}
