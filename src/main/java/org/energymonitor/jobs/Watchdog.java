package org.energymonitor.jobs;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.energymonitor.events.EventPayloads;
import org.energymonitor.store.Database;
import org.energymonitor.store.MeterState;
import org.energymonitor.store.MetersTable;

/**
 * The stale-data watchdog (every minute): a meter without a reading for {@code staleAfterMs}, a meter whose LWT says
 * {@code Offline}, or the MQTT subscriptions disconnected. Each state alerts when it starts, reminds at growing
 * intervals and sends one recovery with its duration ({@link Conditions}); the states live in memory, so a
 * restart during an outage alerts once more and never sends the recovery of the outage before it. A stale meter's
 * start and end are also meter-state events ({@code stale} since its last reading, {@code recovered} now); reminders
 * are not.
 */
public final class Watchdog {

    /** Thresholds: stale after this long without a reading; LWT and MQTT states count after {@code graceMs}. */
    public record Limits(long staleAfterMs, long graceMs) {
    }

    private final Database db;
    private final BooleanSupplier mqttConnected;
    private final String broker;
    private final Clock clock;
    private final Limits limits;
    private final Conditions conditions;
    private final MetersTable meters = new MetersTable();

    public Watchdog(Database db, BooleanSupplier mqttConnected, String broker, Clock clock, Limits limits,
                    Conditions conditions) {
        this.db = db;
        this.mqttConnected = mqttConnected;
        this.broker = broker;
        this.clock = clock;
        this.limits = limits;
        this.conditions = conditions;
    }

    public JobResult check() throws Exception {
        List<MeterState> all;
        try (Connection c = db.reader()) {
            all = meters.all(c);
        }
        return evaluate(clock.millis(), all, mqttConnected.getAsBoolean());
    }

    /** The decision on plain values: the meters' states and the MQTT connection at {@code now}. */
    public JobResult evaluate(long now, List<MeterState> all, boolean connected) {
        List<String> alerts = new ArrayList<>();
        List<EventPayloads.MeterState> states = new ArrayList<>();
        conditions.observe("mqtt", !connected, now, now, limits.graceMs())
                .ifPresent(ch -> alerts.add(AlertTexts.mqtt(ch, broker)));
        int stale = 0;
        int offline = 0;
        for (MeterState m : all) {
            if (m.lastReading() != null) {
                boolean isStale = now - m.lastReading() > limits.staleAfterMs();
                stale += isStale ? 1 : 0;
                conditions.observe("stale:" + m.meter(), isStale, now, m.lastReading(), 0).ifPresent(ch -> {
                    alerts.add(AlertTexts.stale(ch, m.meter(), limits.staleAfterMs()));
                    stateEvent(ch, m.meter()).ifPresent(states::add);
                });
            }
            boolean isOffline = Boolean.FALSE.equals(m.online());
            offline += isOffline ? 1 : 0;
            long since = m.onlineChanged() == null ? now : m.onlineChanged();
            conditions.observe("offline:" + m.meter(), isOffline, now, since, limits.graceMs())
                    .ifPresent(ch -> alerts.add(AlertTexts.offline(ch, m.meter())));
        }
        String summary = "mqtt " + (connected ? "connected" : "disconnected") + ", " + all.size() + " meters, "
                + stale + " stale, " + offline + " offline, " + alerts.size() + " alerts";
        return new JobResult(summary, alerts, states);
    }

    private static Optional<EventPayloads.MeterState> stateEvent(Conditions.Change ch, String meter) {
        return switch (ch.kind()) {
            case STARTED -> Optional.of(new EventPayloads.MeterState(meter, "stale", ch.since()));
            case RECOVERED -> Optional.of(new EventPayloads.MeterState(meter, "recovered", ch.at()));
            case REMINDER -> Optional.empty();
        };
    }
}
