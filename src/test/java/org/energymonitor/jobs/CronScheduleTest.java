package org.energymonitor.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.TreeMap;

import org.energymonitor.app.ProductJobs;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

/**
 * Every job's cron expression from application.properties, evaluated by Quartz in the job's configured zone
 * (empty = energy.timezone, here Europe/Berlin) across both DST changes of 2026.
 */
class CronScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Properties defaults() throws Exception {
        Properties p = new Properties();
        try (InputStream in = CronScheduleTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return p;
    }

    private static Map<String, String> crons() throws Exception {
        Properties p = defaults();
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("energy.jobs.") && k.endsWith(".cron"))
                .forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    private static ZoneId zone(String cronKey) throws Exception {
        String z = defaults().getProperty(cronKey.replace(".cron", ".timezone"), "").trim();
        return z.isEmpty() ? BERLIN : ZoneId.of(z);
    }

    private static List<ZonedDateTime> fires(String cron, ZoneId zone, ZonedDateTime from, Duration span)
            throws Exception {
        CronExpression e = new CronExpression(cron);
        e.setTimeZone(TimeZone.getTimeZone(zone));
        List<ZonedDateTime> out = new ArrayList<>();
        Date t = Date.from(from.toInstant());
        ZonedDateTime end = from.plus(span);
        while ((t = e.getNextValidTimeAfter(t)) != null && t.toInstant().isBefore(end.toInstant())) {
            out.add(t.toInstant().atZone(BERLIN));
        }
        return out;
    }

    private static void assertEvenlySpaced(String key, List<ZonedDateTime> fires, Duration step) {
        assertFalse(fires.isEmpty(), key);
        for (int i = 1; i < fires.size(); i++) {
            assertEquals(step, Duration.between(fires.get(i - 1), fires.get(i)),
                    key + " between " + fires.get(i - 1) + " and " + fires.get(i));
        }
    }

    private static final List<ZonedDateTime> CHANGES = List.of(ZonedDateTime.of(2026, 3, 29, 0, 0, 0, 0, BERLIN),
            ZonedDateTime.of(2026, 10, 25, 0, 0, 0, 0, BERLIN));

    @Test
    void hourly_and_minute_jobs_fire_every_real_hour_or_minute_across_both_dst_changes() throws Exception {
        Map<String, String> crons = crons();
        assertEquals(ProductJobs.names().stream().map(job -> "energy.jobs." + job + ".cron").sorted().toList(),
                List.copyOf(crons.keySet()), "a cron expression per job of routes/jobs.camel.yaml");
        for (ZonedDateTime change : CHANGES) {
            for (Map.Entry<String, String> c : crons.entrySet()) {
                ZoneId zone = zone(c.getKey());
                if (c.getValue().startsWith("0 * ")) {
                    assertEvenlySpaced(c.getKey(), fires(c.getValue(), zone, change, Duration.ofHours(5)),
                            Duration.ofMinutes(1));
                } else if (c.getValue().matches("0 \\d+ \\* \\* \\* \\?")) {
                    List<ZonedDateTime> f = fires(c.getValue(), zone, change.minusSeconds(1), Duration.ofHours(6));
                    assertEvenlySpaced(c.getKey(), f, Duration.ofHours(1));
                    assertEquals(6, f.size(), c.getKey() + " " + f);
                }
            }
        }
    }

    @Test
    void in_a_zone_with_dst_quartz_fires_the_repeated_autumn_hour_once_which_is_why_interval_jobs_use_utc()
            throws Exception {
        List<ZonedDateTime> hourly = fires("0 5 * * * ?", BERLIN, CHANGES.get(1), Duration.ofHours(6)); // 6 real hours, 5 runs
        assertEquals(List.of("00:05+02:00", "01:05+02:00", "02:05+01:00", "03:05+01:00", "04:05+01:00"),
                hourly.stream().map(t -> t.toOffsetDateTime().toOffsetTime().toString()).toList());
        List<ZonedDateTime> minutes = fires("0 * * * * ?", BERLIN, CHANGES.get(1).plusMinutes(118), Duration.ofMinutes(70));
        assertEquals(Duration.ofMinutes(61), Duration.between(minutes.get(0), minutes.get(1)), minutes.toString());
    }

    @Test
    void the_daily_summary_fires_at_seven_local_time_on_the_short_and_the_long_day() throws Exception {
        String cron = crons().get("energy.jobs.daily-summary.cron");
        List<ZonedDateTime> f = fires(cron, zone("energy.jobs.daily-summary.cron"), ZonedDateTime.of(2026, 3, 28, 0, 0, 0, 0, BERLIN), Duration.ofDays(2));
        assertEquals(List.of("2026-03-28T07:00+01:00[Europe/Berlin]", "2026-03-29T07:00+02:00[Europe/Berlin]"),
                f.stream().map(Object::toString).toList());
        assertEquals(Duration.ofHours(23), Duration.between(f.get(0), f.get(1)));
        f = fires(cron, zone("energy.jobs.daily-summary.cron"), ZonedDateTime.of(2026, 10, 24, 0, 0, 0, 0, BERLIN), Duration.ofDays(2));
        assertEquals(Duration.ofHours(25), Duration.between(f.get(0), f.get(1)));
    }
}
