package org.energymonitor.app;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.apache.camel.spi.PropertiesFunction;
import org.energymonitor.config.Settings;

/**
 * The placeholder function {@code {{job-zone:<job>}}}: the zone of a job's cron expression, for any job name (the
 * product's and an operator's): {@code energy.jobs.<job>.timezone}, else {@code energy.jobs.timezone}, else
 * {@code energy.timezone}, else the system zone. Empty counts as unset, which Camel's {@code {{key:default}}} cannot
 * express. An unknown zone id stops start-up with the key to fix (Quartz would silently take GMT).
 */
final class JobZone implements PropertiesFunction {

    private final Settings settings;

    JobZone(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String getName() {
        return "job-zone";
    }

    @Override
    public String apply(String job) {
        String key = "energy.jobs." + job.strip() + ".timezone";
        String id = settings.get(key, settings.get("energy.jobs.timezone", settings.get("energy.timezone")));
        try {
            return id.isEmpty() ? ZoneId.systemDefault().getId() : ZoneId.of(id).getId();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + id + "' for the job " + job + " (" + key
                    + ", energy.jobs.timezone or energy.timezone): use a region id such as Europe/Berlin or UTC", e);
        }
    }
}
