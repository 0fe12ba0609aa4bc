package org.energymonitor.jobs;

import java.time.Duration;

/**
 * Every alert text in one place. Plain text (no Markdown: a meter name with an underscore would break it), one
 * line each, starting with a prefix that makes the sender obvious in a busy chat.
 */
public final class AlertTexts {

    static final String PREFIX = "⚡ Energy Monitor: ";

    private AlertTexts() {
    }

    /** A condition's alert: {@code what} starts it, {@code still} reminds, {@code back} ends it. */
    static String condition(Conditions.Change c, String what, String still, String back) {
        String d = duration(c.durationMs());
        return PREFIX + switch (c.kind()) {
            case STARTED -> what;
            case REMINDER -> still + " (for " + d + " now)";
            case RECOVERED -> back + " after " + d;
        };
    }

    static String stale(Conditions.Change c, String meter, long staleAfterMs) {
        return condition(c, "no reading from meter " + meter + " for " + duration(c.durationMs())
                        + " (alert after " + duration(staleAfterMs) + ")",
                "still no reading from meter " + meter, "meter " + meter + " sends readings again");
    }

    static String offline(Conditions.Change c, String meter) {
        return condition(c, "meter " + meter + " reports Offline (its MQTT last will)",
                "meter " + meter + " is still Offline", "meter " + meter + " is Online again");
    }

    static String mqtt(Conditions.Change c, String broker) {
        return condition(c, "the MQTT connection to " + broker + " is down; no readings arrive",
                "the MQTT connection to " + broker + " is still down", "the MQTT connection to " + broker + " is back");
    }

    static String lowRate(Conditions.Change c, String meter, long count, long threshold, String basis) {
        return condition(c, "only " + count + " readings from meter " + meter + " in the last hour (alert below "
                        + threshold + ", " + basis + ")",
                "still only " + count + " readings an hour from meter " + meter,
                "meter " + meter + " is back to " + count + " readings an hour");
    }

    static String disk(Conditions.Change c, long freeMb, long limitMb, String folder) {
        return condition(c, "only " + freeMb + " MB free under " + folder + " (alert below " + limitMb + " MB)",
                "still only " + freeMb + " MB free under " + folder,
                "free disk space under " + folder + " is " + freeMb + " MB again");
    }

    static String push(Conditions.Change c, String remote, String error) {
        return condition(c, "git push to " + remote + " failed: " + error + "; retried at every run",
                "git push to " + remote + " still fails: " + error, "git push to " + remote + " works again");
    }

    static String jobFailed(String job, String error) {
        return PREFIX + "job " + job + " failed: " + error + " (the other jobs and the ingestion keep running)";
    }

    static String dailySummary(String meter, String day, String importKwh, String exportKwh, String cost,
                               String avgImportKwh, String change) {
        return PREFIX + "yesterday (" + day + ", meter " + meter + "): import " + importKwh + " kWh, export "
                + exportKwh + " kWh, cost " + cost + "; 30-day average " + avgImportKwh + " kWh (" + change + ")";
    }

    static String noDailyData(String meter, String day) {
        return PREFIX + "yesterday (" + day + ", meter " + meter + "): no complete readings";
    }

    /** {@code 2 h 5 min}, {@code 17 min}, {@code 45 s}. */
    static String duration(long ms) {
        Duration d = Duration.ofMillis(Math.max(0, ms));
        if (d.toDays() >= 2) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
