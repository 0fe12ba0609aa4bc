package org.energymonitor.app;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Keeps a test that compares "today" or "yesterday" in two places (the page and the API, a reading and a job) off
 * the midnight between them: it waits out a midnight that is too close.
 */
public final class DayBoundary {

    private DayBoundary() {
    }

    /** Returns once the last midnight in {@code zone} is at least {@code after} ago and the next {@code before} away. */
    public static void awaitCalendarDay(ZoneId zone, Duration after, Duration before) throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime last = now.toLocalDate().atStartOfDay(zone);
        ZonedDateTime next = now.toLocalDate().plusDays(1).atStartOfDay(zone);
        ZonedDateTime from = Duration.between(now, next).compareTo(before) < 0 ? next.plus(after) : last.plus(after);
        long waitMs = Duration.between(now, from).toMillis();
        if (waitMs > 0) {
            Thread.sleep(waitMs);
        }
    }
}
