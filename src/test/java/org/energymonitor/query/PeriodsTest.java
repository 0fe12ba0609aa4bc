package org.energymonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long HOUR = 3_600_000L;

    private static long local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant().toEpochMilli();
    }

    private static Map<String, Period> at(String now) {
        Clock clock = Clock.fixed(LocalDateTime.parse(now).atZone(BERLIN).toInstant(), BERLIN);
        return new Periods(BERLIN, clock).summary().stream().collect(Collectors.toMap(Period::name, Function.identity()));
    }

    private static void assertPeriod(Period p, String start, String end, String previousStart, String previousEnd,
                                     String yearAgoStart, String yearAgoEnd) {
        assertEquals(List.of(local(start), local(end), local(previousStart), local(previousEnd), local(yearAgoStart),
                        local(yearAgoEnd)),
                List.of(p.start(), p.end(), p.previousStart(), p.previousEnd(), p.yearAgoStart(), p.yearAgoEnd()),
                p.name());
    }

    @Test
    void lists_the_periods_in_order_without_total() {
        Clock clock = Clock.fixed(LocalDateTime.parse("2024-11-28T10:15").atZone(BERLIN).toInstant(), BERLIN);
        assertEquals(List.of("today", "yesterday", "this_week", "this_month", "this_year", "last_24h", "last_7d", "last_30d"),
                new Periods(BERLIN, clock).summary().stream().map(Period::name).toList());
    }

    @Test
    void compares_the_same_elapsed_local_time_on_an_ordinary_thursday() {
        Map<String, Period> p = at("2024-11-28T10:15");
        String now = "2024-11-28T10:15";
        assertPeriod(p.get("today"), "2024-11-28T00:00", now, "2024-11-27T00:00", "2024-11-27T10:15",
                "2023-11-28T00:00", "2023-11-28T10:15");
        assertPeriod(p.get("yesterday"), "2024-11-27T00:00", "2024-11-28T00:00", "2024-11-26T00:00", "2024-11-27T00:00",
                "2023-11-27T00:00", "2023-11-28T00:00");
        assertPeriod(p.get("this_week"), "2024-11-25T00:00", now, "2024-11-18T00:00", "2024-11-21T10:15",
                "2023-11-27T00:00", "2023-11-30T10:15");
        assertPeriod(p.get("this_month"), "2024-11-01T00:00", now, "2024-10-01T00:00", "2024-10-28T10:15",
                "2023-11-01T00:00", "2023-11-28T10:15");
        assertPeriod(p.get("this_year"), "2024-01-01T00:00", now, "2023-01-01T00:00", "2023-11-28T10:15",
                "2023-01-01T00:00", "2023-11-28T10:15");
    }

    @Test
    void rolling_windows_end_now_and_compare_with_the_window_before_and_a_year_ago() {
        Map<String, Period> p = at("2024-11-28T10:15");
        long now = local("2024-11-28T10:15");
        long yearAgo = local("2023-11-28T10:15");
        for (Object[] w : new Object[][] {{"last_24h", 24L}, {"last_7d", 7 * 24L}, {"last_30d", 30 * 24L}}) {
            long length = (Long) w[1] * HOUR;
            Period r = p.get((String) w[0]);
            assertEquals(List.of(now - length, now, now - 2 * length, now - length, yearAgo - length, yearAgo),
                    List.of(r.start(), r.end(), r.previousStart(), r.previousEnd(), r.yearAgoStart(), r.yearAgoEnd()), r.name());
        }
    }

    @Test
    void the_last_sunday_of_march_is_a_23_hour_day() {
        Map<String, Period> p = at("2024-03-31T12:00");
        Period today = p.get("today");
        assertEquals(11 * HOUR, today.end() - today.start());
        assertEquals(12 * HOUR, today.previousEnd() - today.previousStart());
        assertPeriod(today, "2024-03-31T00:00", "2024-03-31T12:00", "2024-03-30T00:00", "2024-03-30T12:00",
                "2023-03-31T00:00", "2023-03-31T12:00");
        Period yesterday = at("2024-04-01T08:00").get("yesterday");
        assertEquals(23 * HOUR, yesterday.end() - yesterday.start());
        assertEquals(24 * HOUR, yesterday.previousEnd() - yesterday.previousStart());
    }

    @Test
    void the_last_sunday_of_october_is_a_25_hour_day() {
        Period today = at("2024-10-27T12:00").get("today");
        assertEquals(13 * HOUR, today.end() - today.start());
        assertPeriod(today, "2024-10-27T00:00", "2024-10-27T12:00", "2024-10-26T00:00", "2024-10-26T12:00",
                "2023-10-27T00:00", "2023-10-27T12:00");
        Period yesterday = at("2024-10-28T08:00").get("yesterday");
        assertEquals(25 * HOUR, yesterday.end() - yesterday.start());
    }

    @Test
    void on_march_31_this_month_is_compared_with_the_whole_of_february() {
        Map<String, Period> p = at("2024-03-31T12:00");
        assertPeriod(p.get("this_month"), "2024-03-01T00:00", "2024-03-31T12:00", "2024-02-01T00:00", "2024-03-01T00:00",
                "2023-03-01T00:00", "2023-03-31T12:00");
        Map<String, Period> q = at("2025-03-29T10:15");
        assertEquals(local("2025-03-01T00:00"), q.get("this_month").previousEnd(), "29 Feb 2025 does not exist");
        assertEquals(local("2025-02-28T10:15"), at("2025-03-28T10:15").get("this_month").previousEnd());
    }

    @Test
    void on_january_1_every_calendar_period_starts_today() {
        Map<String, Period> p = at("2025-01-01T08:00");
        assertPeriod(p.get("this_month"), "2025-01-01T00:00", "2025-01-01T08:00", "2024-12-01T00:00", "2024-12-01T08:00",
                "2024-01-01T00:00", "2024-01-01T08:00");
        assertPeriod(p.get("this_year"), "2025-01-01T00:00", "2025-01-01T08:00", "2024-01-01T00:00", "2024-01-01T08:00",
                "2024-01-01T00:00", "2024-01-01T08:00");
        assertPeriod(p.get("yesterday"), "2024-12-31T00:00", "2025-01-01T00:00", "2024-12-30T00:00", "2024-12-31T00:00",
                "2023-12-31T00:00", "2024-01-01T00:00");
        assertEquals(local("2024-12-30T00:00"), p.get("this_week").start(), "the ISO week began on Monday in 2024");
    }

    @Test
    void on_a_monday_the_week_starts_at_todays_midnight() {
        Map<String, Period> p = at("2025-03-31T10:15");
        assertPeriod(p.get("this_week"), "2025-03-31T00:00", "2025-03-31T10:15", "2025-03-24T00:00", "2025-03-24T10:15",
                "2024-04-01T00:00", "2024-04-01T10:15");
        assertEquals(p.get("today").start(), p.get("this_week").start());
    }

    @Test
    void on_february_29_the_year_ago_comparisons_end_with_february_28() {
        Map<String, Period> p = at("2024-02-29T10:15");
        assertPeriod(p.get("today"), "2024-02-29T00:00", "2024-02-29T10:15", "2024-02-28T00:00", "2024-02-28T10:15",
                "2023-02-28T00:00", "2023-02-28T10:15");
        assertEquals(local("2023-03-01T00:00"), p.get("this_year").yearAgoEnd());
        assertEquals(local("2023-03-01T00:00"), p.get("this_month").yearAgoEnd());
    }
}
