package org.energymonitor.jobs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Alert states (a stale meter, a disconnected broker, low free disk): one alert when a condition starts, reminders
 * at growing intervals while it lasts (first after {@code firstReminderMs}, then twice as long each time up to
 * {@code maxReminderMs}), and one recovery when it ends. In memory only: a restart forgets every open condition,
 * so a condition still present after a restart alerts again once. Not thread-safe; each job owns its instance and
 * Quartz runs a job's route one at a time ({@code stateful}).
 */
public final class Conditions {

    /** What an observation changed. {@code since} is when the condition was first seen, {@code at} now. */
    public enum Kind { STARTED, REMINDER, RECOVERED }

    public record Change(Kind kind, String key, long since, long at) {
        public long durationMs() {
            return at - since;
        }
    }

    private record Open(long since, boolean alerted, long nextReminder, long interval) {
    }

    private final long firstReminderMs;
    private final long maxReminderMs;
    private final Map<String, Open> open = new HashMap<>();

    public Conditions(long firstReminderMs, long maxReminderMs) {
        if (firstReminderMs <= 0 || maxReminderMs < firstReminderMs) {
            throw new IllegalArgumentException("reminder intervals must be positive and the maximum at least the first");
        }
        this.firstReminderMs = firstReminderMs;
        this.maxReminderMs = maxReminderMs;
    }

    /**
     * Records whether {@code key} holds at {@code now}; {@code sinceHint} is when it began if known (the last
     * reading of a stale meter), otherwise {@code now}. A condition is announced once it has held for
     * {@code graceMs} (a broker reconnecting within a minute is not news).
     */
    public Optional<Change> observe(String key, boolean holds, long now, long sinceHint, long graceMs) {
        Open o = open.get(key);
        if (!holds) {
            if (o == null) {
                return Optional.empty();
            }
            open.remove(key);
            return o.alerted() ? Optional.of(new Change(Kind.RECOVERED, key, o.since(), now)) : Optional.empty();
        }
        if (o == null) {
            o = new Open(Math.min(sinceHint, now), false, 0, firstReminderMs);
            open.put(key, o);
        }
        if (!o.alerted()) {
            if (now - o.since() < graceMs) {
                return Optional.empty();
            }
            open.put(key, new Open(o.since(), true, now + firstReminderMs, firstReminderMs));
            return Optional.of(new Change(Kind.STARTED, key, o.since(), now));
        }
        if (now >= o.nextReminder()) {
            long interval = Math.min(o.interval() * 2, maxReminderMs);
            open.put(key, new Open(o.since(), true, now + interval, interval));
            return Optional.of(new Change(Kind.REMINDER, key, o.since(), now));
        }
        return Optional.empty();
    }
}
