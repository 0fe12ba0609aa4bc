package org.energymonitor.query;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The periods of the summary card, computed from the clock in the configured zone. Calendar boundaries are
 * local midnights, so a day with a DST change is 23 or 25 hours long.
 * <ul>
 * <li>{@code today}: local midnight to now. Previous: yesterday from midnight to the same local time of day;
 * year ago: the same date a year earlier (29 Feb → 28 Feb), midnight to the same local time of day.</li>
 * <li>{@code yesterday}: the whole previous local day. Previous: the whole day before it; year ago: the whole
 * day of the same date a year earlier (29 Feb → 28 Feb).</li>
 * <li>{@code this_week} (ISO, from Monday 00:00) to now. Previous: the week before, Monday 00:00 to the same
 * weekday and local time; year ago: the week 52 weeks earlier (so it also starts on a Monday), likewise.</li>
 * <li>{@code this_month}: the 1st 00:00 to now. Previous: the month before, from its 1st to the same day of
 * month and local time (Nov 1 – Nov 28 10:15 → Oct 1 – Oct 28 10:15); year ago: the same month a year earlier,
 * likewise. When that day does not exist in the shorter month (Mar 31 → Feb 31) the comparison runs to the end
 * of that month, i.e. the whole of February; it never runs past the end of its own month.</li>
 * <li>{@code this_year}: Jan 1 00:00 to now. Year ago (= previous): Jan 1 of last year to the same date and
 * local time (29 Feb → the whole of 28 Feb).</li>
 * <li>{@code last_24h}, {@code last_7d}, {@code last_30d}: rolling windows of exactly 24, 7 × 24 and 30 × 24
 * hours ending now. Previous: the window of the same length just before; year ago: the window of the same
 * length ending at the same local date and time a year earlier.</li>
 * </ul>
 * A local time that falls into a DST gap on the comparison day moves forward by the gap. {@code total} is not
 * here: it starts at the first reading, which the caller knows.
 */
public final class Periods {

    private static final long HOUR = 3_600_000L;
    private final ZoneId zone;
    private final Clock clock;

    public Periods(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public List<Period> summary() {
        long nowMs = clock.millis();
        LocalDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone).toLocalDateTime();
        LocalDate today = now.toLocalDate();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return List.of(
                running("today", today, nowMs, now, t -> t.minusDays(1), t -> t.minusYears(1)),
                yesterday(today.minusDays(1)),
                running("this_week", monday, nowMs, now, t -> t.minusWeeks(1), t -> t.minusWeeks(52)),
                running("this_month", today.withDayOfMonth(1), nowMs, now, t -> t.minusMonths(1), t -> t.minusYears(1)),
                running("this_year", today.withDayOfYear(1), nowMs, now, t -> t.minusYears(1), t -> t.minusYears(1)),
                rolling("last_24h", nowMs, now, 24 * HOUR),
                rolling("last_7d", nowMs, now, 7 * 24 * HOUR),
                rolling("last_30d", nowMs, now, 30 * 24 * HOUR));
    }

    /** A calendar period from {@code start} to now, compared with the periods the two shifts lead to. */
    private Period running(String name, LocalDate start, long nowMs, LocalDateTime now,
                           UnaryOperator<LocalDateTime> previous, UnaryOperator<LocalDateTime> yearAgo) {
        LocalDateTime from = start.atStartOfDay();
        return new Period(name, ms(from), nowMs, ms(previous.apply(from)), ms(sameElapsed(from, now, previous)),
                ms(yearAgo.apply(from)), ms(sameElapsed(from, now, yearAgo)));
    }

    /**
     * {@code now} shifted like the period's start. When the shift had to clamp the day of month (Mar 31 → Feb 28)
     * although the start was not clamped (the 1st stays the 1st), the comparison runs to the end of that day, which
     * is the end of the shorter month.
     */
    private static LocalDateTime sameElapsed(LocalDateTime start, LocalDateTime now,
                                             UnaryOperator<LocalDateTime> shift) {
        LocalDateTime end = shift.apply(now);
        boolean clamped = shift.apply(start).getDayOfMonth() == start.getDayOfMonth()
                && end.getDayOfMonth() != now.getDayOfMonth();
        return clamped ? end.toLocalDate().plusDays(1).atStartOfDay() : end;
    }

    private Period yesterday(LocalDate day) {
        LocalDate yearAgo = day.minusYears(1);
        return new Period("yesterday", ms(day), ms(day.plusDays(1)), ms(day.minusDays(1)), ms(day),
                ms(yearAgo), ms(yearAgo.plusDays(1)));
    }

    private Period rolling(String name, long nowMs, LocalDateTime now, long length) {
        long yearAgoEnd = now.minusYears(1).atZone(zone).toInstant().toEpochMilli();
        return new Period(name, nowMs - length, nowMs, nowMs - 2 * length, nowMs - length,
                yearAgoEnd - length, yearAgoEnd);
    }

    private long ms(LocalDate date) {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private long ms(LocalDateTime time) {
        return time.atZone(zone).toInstant().toEpochMilli();
    }
}
