package org.energymonitor.jobs;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.energymonitor.query.CalendarQuery;
import org.energymonitor.store.Database;
import org.energymonitor.store.MeterState;
import org.energymonitor.store.MetersTable;

/**
 * The daily summary (07:00 local by default): yesterday's import, export and cost per meter against the mean of the
 * complete days among the 30 days ending yesterday, from the same calendar query as {@code /api/daily}.
 */
public final class DailySummary {

    private final Database db;
    private final CalendarQuery calendar;
    private final ZoneId zone;
    private final Clock clock;
    private final MetersTable meters = new MetersTable();

    public DailySummary(Database db, CalendarQuery calendar, ZoneId zone, Clock clock) {
        this.db = db;
        this.calendar = calendar;
        this.zone = zone;
        this.clock = clock;
    }

    public JobResult run() throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate yesterday = today.minusDays(1);
        String day = yesterday.toString();
        List<MeterState> all;
        try (Connection c = db.reader()) {
            all = meters.all(c);
        }
        List<String> texts = new ArrayList<>();
        for (MeterState m : all) {
            List<CalendarQuery.Entry> entries = calendar.daily(new CalendarQuery.Request(m.meter(), yesterday, today))
                    .entries();
            CalendarQuery.Entry e = entries.isEmpty() ? null : entries.get(0);
            if (e == null || e.importKwh() == null) {
                texts.add(AlertTexts.noDailyData(m.meter(), day));
                continue;
            }
            String avg = e.avg30Kwh() == null ? "n/a" : kwh(e.avg30Kwh());
            String change = e.avg30Kwh() == null || e.avg30Kwh() == 0 ? "no average yet"
                    : String.format(Locale.ROOT, "%+.0f %%", (e.importKwh() / e.avg30Kwh() - 1) * 100);
            String cost = e.cost() == null ? "n/a" : String.format(Locale.ROOT, "%.2f %s", e.cost().total(),
                    e.cost().currency());
            texts.add(AlertTexts.dailySummary(m.meter(), day, kwh(e.importKwh()),
                    kwh(e.exportKwh() == null ? 0 : e.exportKwh()), cost, avg, change));
        }
        return new JobResult(texts.size() + " summaries for " + day, texts);
    }

    private static String kwh(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
