package org.energymonitor.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneId;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.paho.mqtt5.PahoMqtt5Component;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.camel.spi.Registry;
import org.energymonitor.config.Settings;
import org.energymonitor.events.EventComponent;
import org.energymonitor.events.EventCounters;
import org.energymonitor.ingest.BatchInsert;
import org.energymonitor.ingest.DeviceClock;
import org.energymonitor.ingest.FieldMapping;
import org.energymonitor.ingest.IngestCounters;
import org.energymonitor.ingest.IngestSteps;
import org.energymonitor.ingest.PartialMerger;
import org.energymonitor.ingest.PayloadGuard;
import org.energymonitor.ingest.Plausibility;
import org.energymonitor.ingest.QuarantineRecorder;
import org.energymonitor.ingest.Reading;
import org.energymonitor.ingest.ReadingGate;
import org.energymonitor.ingest.TasmotaTransform;
import org.energymonitor.mqtt.BrokerSettings;
import org.energymonitor.mqtt.EmbeddedBroker;
import org.energymonitor.mqtt.MqttConnections;
import org.energymonitor.mqtt.SessionSafeEndpoints;
import org.energymonitor.query.ApiErrors;
import org.energymonitor.query.BillingYear;
import org.energymonitor.query.CalendarQuery;
import org.energymonitor.query.ExportQuery;
import org.energymonitor.query.LatestReading;
import org.energymonitor.query.MeterChoice;
import org.energymonitor.query.Periods;
import org.energymonitor.query.RangeParameters;
import org.energymonitor.query.ReadingsQuery;
import org.energymonitor.query.StatsQuery;
import org.energymonitor.query.StatusReport;
import org.energymonitor.query.SummaryQuery;
import org.energymonitor.query.Tariffs;
import org.energymonitor.query.TimeParameter;
import org.energymonitor.sim.LoadProfile;
import org.energymonitor.sim.SimulatedMeter;
import org.energymonitor.sim.SimulatedTasmota;
import org.energymonitor.store.Database;
import org.energymonitor.store.HeldReadings;
import org.energymonitor.store.InstanceLock;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.QuarantineTable;
import org.energymonitor.store.RawPayloadsTable;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.store.TableWrites;
import org.energymonitor.web.ApiJson;
import org.energymonitor.web.LoginLimits;
import org.energymonitor.web.WebServer;
import org.energymonitor.web.WebSettings;

/**
 * Builds the beans the routes call, from the {@code energy.*} configuration, and starts the embedded broker
 * when no broker URL is configured.
 */
public final class AppConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings c = Settings.of(context);
        Registry r = context.getRegistry();
        new ClockCheck(Clock.systemUTC()).warnIfBeforeBuild();
        ZoneId zone = c.zone();
        Tariffs tariffs = Tariffs.read(c::get, zone); // checked first: a bad tariff stops start-up with its key
        r.bind("tariffs", tariffs);
        r.bind("billingYear", BillingYear.read(c::get, zone, Clock.systemUTC(), tariffs));

        InstanceLock lock = InstanceLock.tryAcquire(c.dbPath()).orElseThrow(() -> new IllegalStateException(
                "Another Energy Monitor runs on " + c.dbPath().toAbsolutePath() + " (its .lock file is held)"));
        context.addService(new LockService(lock), true, false);
        Database db = new Database(c.dbPath(), zone, c.getInt("energy.db.busy-timeout-ms")).migrate();
        r.bind("database", db);
        context.addService(new DatabaseService(db), true, false);
        r.bind("energyDb", db.dataSource());
        r.bind("clock", Clock.systemUTC());

        // event:<name>, the documented events operator routes consume (docs/routes.md)
        EventCounters events = new EventCounters();
        r.bind("eventCounters", events);
        r.bind("eventBodies", new org.energymonitor.events.EventBodies());
        context.addComponent("event", new EventComponent(c.getInt("energy.events.queue-size"), events));
        context.getCamelContextExtension().registerEndpointCallback(new SessionSafeEndpoints());
        configureMqtt(context, c);

        IngestCounters counters = new IngestCounters();
        r.bind("ingestCounters", counters);
        PayloadGuard guard = new PayloadGuard(c.getInt("energy.ingest.max-payload-bytes"));
        r.bind("payloadGuard", guard); // meter-online's LWT check; the per-message steps use it through IngestSteps
        DeviceClock clock = new DeviceClock(zone, c.getLong("energy.ingest.max-device-time-age-ms"),
                c.getLong("energy.ingest.max-device-time-ahead-ms"));
        double maxPower = c.getDouble("energy.ingest.max-power-w");
        TasmotaTransform transform = new TasmotaTransform(mapping(c), clock, maxPower);
        Plausibility plausibility = new Plausibility(maxPower, c.getInt("energy.ingest.resync-after"));
        seed(db, plausibility);
        ReadingGate gate = new ReadingGate(new PartialMerger(c.getLong("energy.ingest.merge-window-ms")), plausibility);
        r.bind("readingGate", gate); // flush-partial-readings calls it; the per-message steps use it through IngestSteps
        // the step of flush-partial-readings that writes the partial readings still pending on a graceful stop
        r.bind("flushPartialReadingsOnStop", new SendOnGracefulStop(context, "direct:flush-partial-readings-on-stop"));
        r.bind("ingestJson", PayloadGuard.jsonMapper()); // the mapper of ingest-message's unmarshal step
        new IngestSteps(guard, transform, gate, counters, Clock.systemUTC()).bindTo(r);
        MqttConnections intake = new MqttConnections(context);
        r.bind("mqttConnections", intake); // health, /status, metrics and the watchdog read the same
        HeldReadings held = new HeldReadings(c.getInt("energy.ingest.max-held-readings"), Clock.systemUTC(),
                intake::pause, intake::resume);
        r.bind("heldReadings", held);
        TableWrites writes = new TableWrites(db.dataSource(), held);
        r.bind("tableWrites", writes);
        r.bind("metersTable", new MetersTable(writes));
        r.bind("rawPayloadsTable", new RawPayloadsTable(writes));
        QuarantineTable quarantine = new QuarantineTable(writes);
        r.bind("quarantineTable", quarantine);
        r.bind("quarantineRecorder", new QuarantineRecorder(counters, c.getLong("energy.quarantine.warn-interval-ms")));
        if (c.getInt("energy.ingest.batch-size") > ReadingsTable.MAX_ROWS_PER_STATEMENT / 2) {
            throw new IllegalArgumentException("energy.ingest.batch-size must be at most " + ReadingsTable.MAX_ROWS_PER_STATEMENT / 2);
        }
        r.bind("readingsTable", new ReadingsTable());
        r.bind("batchInsert", new BatchInsert(counters, Clock.systemUTC()));
        r.bind("batchStrategy", new GroupedBodyAggregationStrategy());

        SimulatedMeter simulated = new SimulatedMeter(LoadProfile.h0(), zone, c.getDouble("energy.simulator.yearly-kwh"),
                System.nanoTime(), 10_000.0);
        r.bind("simulatedTasmota", new SimulatedTasmota(simulated, zone, c.get("energy.simulator.device"),
                c.get("energy.simulator.group"), c.get("energy.simulator.import-field"),
                c.get("energy.simulator.export-field"), c.get("energy.simulator.power-field")));
    }

    private static void configureMqtt(CamelContext context, Settings c) throws Exception {
        String url = c.get("energy.mqtt.url");
        if (url.isEmpty()) {
            EmbeddedBroker broker = new EmbeddedBroker(new BrokerSettings(c.get("energy.mqtt.embedded.host"),
                    c.getInt("energy.mqtt.embedded.port"), Path.of(c.get("energy.data.dir"), "broker"),
                    c.getLong("energy.mqtt.embedded.max-queue"), c.get("energy.mqtt.username"), c.get("energy.mqtt.password"),
                    BrokerSettings.inMemory(c.get("energy.mqtt.embedded.persistence")),
                    new LoginLimits(c.getInt("energy.mqtt.embedded.login.free-failures"),
                            c.getInt("energy.mqtt.embedded.login.max-lockout-s"), 1)));
            broker.start();
            context.addService(broker, true, false);
            url = broker.clientUrl();
        }
        context.getPropertiesComponent().addOverrideProperty("energy.mqtt.broker-url", url);
        PahoMqtt5Component paho = context.getComponent("paho-mqtt5", PahoMqtt5Component.class);
        if (!c.get("energy.mqtt.username").isEmpty()) {
            paho.getConfiguration().setUserName(c.get("energy.mqtt.username"));
            paho.getConfiguration().setPassword(c.get("energy.mqtt.password"));
        }
    }

    private static FieldMapping mapping(Settings c) {
        return new FieldMapping(c.get("energy.mapping.group"), c.getList("energy.mapping.import-fields"),
                c.getList("energy.mapping.export-fields"), c.getList("energy.mapping.power-fields"),
                c.getList("energy.mapping.power-l1-fields"), c.getList("energy.mapping.power-l2-fields"),
                c.getList("energy.mapping.power-l3-fields"), c.getList("energy.mapping.serial-fields"));
    }

    private static void seed(Database db, Plausibility plausibility) throws Exception {
        try (Connection conn = db.connection()) {
            for (Reading last : new MetersTable().lastCounters(conn)) {
                plausibility.seed(last.meter(), last.ts(), last.importKwh(), last.exportKwh(), last.serial());
            }
        }
    }
}
