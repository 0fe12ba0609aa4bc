package org.energymonitor.query;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.energymonitor.ingest.IngestCounters;
import org.energymonitor.store.Database;
import org.energymonitor.store.HeldReadings;
import org.energymonitor.store.MeterState;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.QuarantineTable;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.store.Rollup;
import org.energymonitor.store.RollupsTable;

/** {@code GET /status}: is the service healthy, connected and receiving readings. */
public final class StatusReport {

    /**
     * The MQTT side: {@code connected} is the real state of every subscription's client; {@code paused} is true
     * while the intake waits on purpose for the database (the broker keeps queuing).
     */
    public record Mqtt(boolean connected, boolean paused, String broker, List<String> topics) {
    }

    /**
     * The database side: {@code state} is {@code ok}, {@code holding} (writes fail; {@code heldReadings} readings
     * wait in memory since {@code since} and are written again when the database takes them) or {@code file_problem}
     * (the file was removed or replaced; {@code error} says which).
     */
    public record Storage(String state, long since, long heldReadings, String error) {
    }

    /** One meter: its state from {@code meters} and its readings in the last hour. */
    public record Meter(String meter, Long lastReading, Boolean online, long lastSeen, String serial,
                        long readingsLastHour) {
    }

    /** Quarantined messages: stored (until purged) per reason, and counted since start per reason. */
    public record Quarantine(Map<String, Long> storedByReason, Map<String, Long> sinceStartByReason) {
    }

    /**
     * The Telegram alerts since start: {@code sent} to the chat, {@code dropped} (the oldest, while the queue of
     * {@code energy.telegram.queue-size} was full) and {@code waiting} in the queue now. All 0 without a token.
     */
    public record Alerts(long sent, long dropped, long waiting) {
    }

    /**
     * The JSON answer. {@code jobs} lists the scheduled jobs (their last and next run, duration, result);
     * {@code events} counts each documented event published to operator routes and dropped while they fell behind;
     * {@code alerts} counts the Telegram alerts.
     */
    public record Status(String status, String version, long startedAt, long uptimeS, Mqtt mqtt, Storage storage,
                         List<Meter> meters,
                         long readingsLastHour, long readingsTotal, Map<String, Long> ingest, Quarantine quarantine,
                         List<?> jobs, Map<String, ?> events, Alerts alerts) {
    }

    /** What {@code /status} reports that does not live in the database. */
    public record Facts(String version, String broker, List<String> topics, BooleanSupplier mqttConnected,
                        BooleanSupplier mqttPaused, Supplier<List<?>> jobs, Supplier<Map<String, ?>> events,
                        Supplier<Alerts> alerts) {
    }

    private final Database db;
    private final Clock clock;
    private final long startedAt;
    private final Facts facts;
    private final IngestCounters counters;
    private final HeldReadings held;
    private final MetersTable meters = new MetersTable();
    private final ReadingsTable readings = new ReadingsTable();
    private final QuarantineTable quarantine = new QuarantineTable();
    private final RollupsTable rollups = new RollupsTable();

    public StatusReport(Database db, Clock clock, Facts facts, IngestCounters counters, HeldReadings held) {
        this.held = held;
        this.db = db;
        this.clock = clock;
        this.startedAt = clock.millis();
        this.facts = facts;
        this.counters = counters;
    }

    /** The database's state; also what the health check's database probe reads. */
    public Storage storage() {
        String fileProblem = db.fileProblem();
        HeldReadings.State h = held.state();
        if (fileProblem != null) {
            return new Storage("file_problem", h.since(), h.readings(), fileProblem);
        }
        return h.holding() ? new Storage("holding", h.since(), h.readings(), h.lastError())
                : new Storage("ok", 0, 0, null);
    }

    public Status status() throws Exception {
        long now = clock.millis();
        Storage storage = storage();
        long hourAgo = now - Duration.ofHours(1).toMillis();
        try (Connection c = db.reader()) {
            List<Meter> list = new ArrayList<>();
            long lastHour = 0;
            long total = 0;
            for (MeterState m : meters.all(c)) {
                long n = readings.countBetween(c, m.meter(), hourAgo, Long.MAX_VALUE);
                lastHour += n;
                total += rollups.powerSums(c, Rollup.DAY, m.meter(), Long.MIN_VALUE / 4, Long.MAX_VALUE / 4).n();
                list.add(new Meter(m.meter(), m.lastReading(), m.online(), m.lastSeen(), m.serial(), n));
            }
            boolean connected = facts.mqttConnected().getAsBoolean();
            boolean ok = connected && "ok".equals(storage.state());
            return new Status(ok ? "ok" : "degraded", facts.version(), startedAt, (now - startedAt) / 1000,
                    new Mqtt(connected, facts.mqttPaused().getAsBoolean(), facts.broker(), facts.topics()), storage, list, lastHour, total, counters.outcomes(),
                    new Quarantine(quarantine.countByReason(c), counters.reasons()), facts.jobs().get(),
                    facts.events().get(), facts.alerts().get());
        }
    }
}
