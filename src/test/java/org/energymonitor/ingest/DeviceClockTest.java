package org.energymonitor.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long HOUR = 3_600_000L;
    private static final long MAX_AGE = 48 * HOUR;
    private static final long MAX_AHEAD = 5 * 60_000L;

    private final DeviceClock clock = new DeviceClock(BERLIN, MAX_AGE, MAX_AHEAD);

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void uses_the_offset_a_time_carries() {
        long t = ms("2021-06-27T13:03:44Z");
        assertEquals(t, clock.instant("2021-06-27T15:03:44+02:00", t + 5_000));
        assertEquals(t, clock.instant("2021-06-27T15:03:44+0200", t + 5_000));
        assertEquals(t, clock.instant("2021-06-27T15:03:44+02", t + 5_000));
        assertEquals(t, clock.instant("2021-06-27T08:03:44-05:00", t + 5_000));
    }

    @Test
    void reads_z_as_utc() {
        long t = ms("2025-01-10T08:00:00Z");
        assertEquals(t, clock.instant("2025-01-10T08:00:00Z", t + 5_000));
    }

    @Test
    void reads_a_time_without_offset_as_berlin_summer_time() {
        long t = ms("2025-07-01T10:00:00Z");
        assertEquals(t, clock.instant("2025-07-01T12:00:00", t + 5_000));
    }

    @Test
    void reads_a_time_without_offset_as_berlin_winter_time() {
        long t = ms("2025-01-15T11:00:00Z");
        assertEquals(t, clock.instant("2025-01-15T12:00:00", t + 5_000));
    }

    @Test
    void keeps_fractional_seconds() {
        long t = ms("2025-07-01T10:00:00.250Z");
        assertEquals(t, clock.instant("2025-07-01T12:00:00.250", t + 5_000));
        assertEquals(t, clock.instant("2025-07-01T12:00:00.25", t + 5_000));
        assertEquals(t, clock.instant("2025-07-01T12:00:00.250999+02:00", t + 5_000));
    }

    @Test
    void picks_the_summer_offset_in_the_repeated_hour_when_received_during_summer_time() {
        long summer = ms("2025-10-26T00:30:00Z"); // 02:30+02:00
        assertEquals(summer, clock.instant("2025-10-26T02:30:00", summer + 5_000));
    }

    @Test
    void picks_the_winter_offset_in_the_repeated_hour_when_received_during_winter_time() {
        long winter = ms("2025-10-26T01:30:00Z"); // 02:30+01:00
        assertEquals(winter, clock.instant("2025-10-26T02:30:00", winter + 5_000));
    }

    @Test
    void shifts_a_time_in_the_spring_gap_forward_like_zoned_date_time() {
        long expected = ZonedDateTime.ofLocal(LocalDateTime.parse("2025-03-30T02:30:00"), BERLIN, null)
                .toInstant().toEpochMilli();
        assertEquals(ms("2025-03-30T01:30:00Z"), expected);
        assertEquals(expected, clock.instant("2025-03-30T02:30:00", expected + 5_000));
    }

    @Test
    void falls_back_to_the_receive_time_when_the_device_time_is_too_old() {
        long t = ms("2025-07-01T10:00:00Z");
        assertEquals(t, clock.instant("2025-07-01T12:00:00", t + MAX_AGE));
        assertEquals(t + MAX_AGE + 1, clock.instant("2025-07-01T12:00:00", t + MAX_AGE + 1));
    }

    @Test
    void falls_back_to_the_receive_time_when_the_device_time_is_too_far_ahead() {
        long t = ms("2025-07-01T10:00:00Z");
        assertEquals(t, clock.instant("2025-07-01T12:00:00", t - MAX_AHEAD));
        assertEquals(t - MAX_AHEAD - 1, clock.instant("2025-07-01T12:00:00", t - MAX_AHEAD - 1));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "2025-07-01 12:00:00", "2025-13-01T12:00:00", "2025-02-29T12:00:00",
        "2025-07-01T24:00:00", "2025-07-01T12:00", "2025-07-01T12:00:00.", "2025-07-01T12:00:00+2:00",
        "2025-07-01T12:00:00+02:00x", "2025-07-01T12:00:00 ", "2025-07-0１T12:00:00"})
    void falls_back_to_the_receive_time_when_the_device_time_is_unparseable(String deviceTime) {
        long received = ms("2025-07-01T10:00:05Z");
        assertEquals(received, clock.instant(deviceTime, received));
    }

    @Test
    void falls_back_to_the_receive_time_for_a_clock_that_never_synced() {
        long received = ms("2026-02-01T12:00:00Z");
        assertEquals(received, clock.instant("1970-06-11T05:35:26", received));
        assertEquals(received, clock.instant("1970-01-01T00:00:00", received));
    }

    @Test
    void agrees_with_java_time_every_few_minutes_over_three_years() {
        ZonedDateTime start = ZonedDateTime.of(2023, 12, 31, 0, 0, 0, 0, BERLIN);
        for (LocalDateTime local = start.toLocalDateTime(); local.getYear() < 2027; local = local.plusSeconds(997)) {
            long expected = local.atZone(BERLIN).toInstant().toEpochMilli();
            assertEquals(expected, clock.instant(local.toString().length() == 16 ? local + ":00" : local.toString(),
                    expected + 5_000), local.toString());
        }
    }

    @Test
    void handles_leap_days_and_century_years() {
        for (String local : new String[] {"2024-02-29T23:59:59", "2000-02-29T12:00:00", "2100-03-01T00:00:00",
            "2099-12-31T23:00:00"}) {
            long expected = LocalDateTime.parse(local).atZone(BERLIN).toInstant().toEpochMilli();
            assertEquals(expected, clock.instant(local, expected + 1_000), local);
        }
    }
}
