package org.energymonitor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParameterTest {

    private final TimeParameter time = new TimeParameter(ZoneId.of("Europe/Berlin"));

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private BadParameterException rejected(String raw) {
        BadParameterException e = assertThrows(BadParameterException.class, () -> time.parse("start", raw));
        assertEquals("start", e.parameter());
        assertTrue(e.getMessage().startsWith("start: "), e.getMessage());
        return e;
    }

    @Test
    void reads_an_offset_time() {
        assertEquals(ms("2024-03-31T00:30:00Z"), time.parse("start", "2024-03-31T02:30:00+02:00"));
    }

    @Test
    void reads_a_utc_time_with_z() {
        assertEquals(ms("2024-03-31T00:30:00Z"), time.parse("start", "2024-03-31T00:30:00Z"));
    }

    @Test
    void reads_a_half_hour_offset() {
        assertEquals(ms("2024-01-01T00:30:00Z"), time.parse("start", "2024-01-01T06:00:00+05:30"));
    }

    @Test
    void reads_fractions_of_a_second() {
        assertEquals(ms("2024-01-01T00:00:00.123Z"), time.parse("start", "2024-01-01T00:00:00.123Z"));
    }

    @Test
    void reads_a_time_without_offset_in_the_configured_zone() {
        assertEquals(ms("2024-01-15T13:00:00Z"), time.parse("start", "2024-01-15T14:00:00"));
        assertEquals(ms("2024-07-15T12:00:00Z"), time.parse("start", "2024-07-15T14:00:00"));
    }

    @Test
    void reads_a_time_without_seconds() {
        assertEquals(ms("2024-07-15T12:05:00Z"), time.parse("start", "2024-07-15T14:05"));
        assertEquals(ms("2024-07-15T12:05:00Z"), time.parse("start", "2024-07-15T12:05Z"));
    }

    @Test
    void reads_a_bare_date_as_its_local_midnight() {
        assertEquals(ms("2024-03-30T23:00:00Z"), time.parse("start", "2024-03-31"));
        assertEquals(ms("2024-07-14T22:00:00Z"), time.parse("start", "2024-07-15"));
    }

    @Test
    void moves_a_time_in_the_spring_gap_forward_by_the_gap() {
        // 02:30 does not exist on 31 March 2024 in Berlin: it becomes 03:30 CEST = 01:30 UTC
        assertEquals(ms("2024-03-31T01:30:00Z"), time.parse("start", "2024-03-31T02:30"));
    }

    @Test
    void takes_the_earlier_offset_in_the_autumn_overlap() {
        // 02:30 happens twice on 27 October 2024: the first one, CEST (+02:00)
        assertEquals(ms("2024-10-27T00:30:00Z"), time.parse("start", "2024-10-27T02:30"));
        assertEquals(ms("2024-10-27T01:30:00Z"), time.parse("start", "2024-10-27T02:30+01:00"));
    }

    @Test
    void reads_epoch_milliseconds() {
        assertEquals(1_704_067_200_000L, time.parse("start", "1704067200000"));
    }

    @Test
    void accepts_epoch_milliseconds_from_ten_to_the_eleventh() {
        assertEquals(100_000_000_000L, time.parse("start", "100000000000"));
    }

    @Test
    void rejects_an_integer_that_looks_like_seconds() {
        BadParameterException e = rejected("1704067200");
        assertTrue(e.getMessage().contains("epoch seconds"), e.getMessage());
        assertTrue(e.getMessage().contains("multiply by 1000: 1704067200000"), e.getMessage());
    }

    @Test
    void rejects_an_integer_just_below_ten_to_the_eleventh_as_seconds() {
        assertTrue(rejected("99999999999").getMessage().contains("epoch seconds"));
    }

    @Test
    void rejects_zero_and_tiny_integers_without_a_silly_suggestion() {
        BadParameterException e = rejected("0");
        assertTrue(e.getMessage().contains("epoch seconds") && !e.getMessage().contains("multiply"), e.getMessage());
    }

    @Test
    void rejects_a_negative_number() {
        assertEquals("start: -1 is negative; expected epoch milliseconds (ms since 1970-01-01T00:00:00Z)",
                rejected("-1").getMessage());
    }

    @Test
    void accepts_the_last_millisecond_of_9999_and_rejects_the_next() {
        assertEquals(TimeParameter.MAX_EPOCH_MS, time.parse("start", "253402300799999"));
        assertTrue(rejected("253402300800000").getMessage().contains("after the year 9999"));
        assertTrue(rejected("99999999999999999999999").getMessage().contains("after the year 9999"));
    }

    @Test
    void rejects_an_impossible_month_with_the_documented_message() {
        assertEquals("start: \"2024-13-01\" is not an ISO-8601 time or epoch milliseconds",
                rejected("2024-13-01").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-01-01T24:00", "2024-01-01T10:60", "2024-1-1",
        "20240101T000000", "2024-01-01 10:00", "yesterday", "abc", "1;DROP TABLE readings", "%00", "\u0000",
        "1704067200000;", "0x1F", "--1", "2024-01-01T00:00:00+25:00", "2024-01-01T00:00:00Europe/Berlin", "null"})
    void rejects_garbage_naming_the_parameter(String raw) {
        assertTrue(rejected(raw).getMessage().contains("is not an ISO-8601 time or epoch milliseconds"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "1e12", "1.7e12", "1704067200000.0", "+1704067200000", "Infinity"})
    void rejects_numbers_that_are_not_whole_milliseconds(String raw) {
        String message = rejected(raw).getMessage();
        assertTrue(message.contains("whole number") || message.contains("is not an ISO-8601"), message);
    }

    @Test
    void escapes_control_characters_it_echoes() {
        assertEquals("start: \"\\u0000\" is not an ISO-8601 time or epoch milliseconds", rejected("\u0000").getMessage());
    }

    @Test
    void rejects_a_ten_thousand_character_value_without_echoing_it() {
        String message = rejected("1".repeat(10_000)).getMessage();
        assertEquals("start: a value of 10000 characters is too long (at most 64)", message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void rejects_a_blank_value(String raw) {
        assertTrue(rejected(raw).getMessage().contains("a time is required"));
    }

    @Test
    void rejects_a_null_value() {
        assertTrue(rejected(null).getMessage().contains("a time is required"));
    }

    @Test
    void explains_a_plus_that_arrived_as_a_space() {
        assertTrue(rejected("2024-03-31T02:30:00 02:00").getMessage().endsWith("(a '+' in a URL must be sent as %2B)"));
    }

    @Test
    void rejects_iso_years_before_1970_and_after_9999() {
        assertTrue(rejected("1969-12-31").getMessage().contains("outside the years 1970 to 9999"));
        assertTrue(rejected("+10000-01-01T00:00Z").getMessage().contains("outside the years 1970 to 9999"));
    }

    @Test
    void optional_gives_null_for_an_absent_or_empty_value() {
        assertNull(time.optional("end", null));
        assertNull(time.optional("end", ""));
        assertEquals(1_704_067_200_000L, time.optional("end", "1704067200000"));
        assertEquals("end", assertThrows(BadParameterException.class, () -> time.optional("end", "x")).parameter());
    }

    @Test
    void parse_int_uses_the_fallback_and_checks_the_range() {
        assertEquals(1000, time.parseInt("maxPoints", null, 10, 10_000, 1000));
        assertEquals(1000, time.parseInt("maxPoints", "", 10, 10_000, 1000));
        assertEquals(500, time.parseInt("maxPoints", "500", 10, 10_000, 1000));
        assertEquals("maxPoints: 5 is outside 10 to 10000",
                assertThrows(BadParameterException.class, () -> time.parseInt("maxPoints", "5", 10, 10_000, 1000)).getMessage());
        for (String bad : new String[] {"1.5", "abc", "99999999999999", "1e3", " 5"}) {
            BadParameterException e = assertThrows(BadParameterException.class,
                    () -> time.parseInt("maxPoints", bad, 10, 10_000, 1000));
            assertEquals("maxPoints", e.parameter());
        }
    }
}
