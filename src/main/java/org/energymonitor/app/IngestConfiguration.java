package org.energymonitor.app;

import java.sql.Connection;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.energymonitor.config.Settings;
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
import org.energymonitor.store.Database;
import org.energymonitor.store.HeldReadings;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.QuarantineTable;
import org.energymonitor.store.RawPayloadsTable;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.store.TableWrites;

/**
 * The beans of routes/ingest.camel.yaml: the per-message steps from an MQTT message to a checked reading, and the
 * tables its batches and quarantine write to. After {@link MqttConfiguration}, whose held readings the writes use;
 * see {@link CoreConfiguration} for how the bean classes work.
 */
public final class IngestConfiguration implements CamelConfiguration {

    /** The first checks on a message (size, UTF-8, topic); meter-online calls its LWT check. */
    @BindToRegistry
    public PayloadGuard payloadGuard(CamelContext context) {
        return new PayloadGuard(Settings.of(context).getInt("energy.ingest.max-payload-bytes"));
    }

    /** Step of ingest-message: counts the message and checks its size, topic and UTF-8 text. */
    @BindToRegistry
    public Processor receiveMessage(PayloadGuard payloadGuard, IngestCounters counters, Clock clock) {
        return IngestSteps.receive(payloadGuard, counters, clock);
    }

    /** The mapper of ingest-message's unmarshal step. */
    @BindToRegistry
    public ObjectMapper ingestJson() {
        return PayloadGuard.jsonMapper();
    }

    /** Step of ingest-message: the JSON tree into a reading, with the field names of {@code energy.mapping.*}. */
    @BindToRegistry
    public Processor transformMessage(CamelContext context) {
        Settings c = Settings.of(context);
        FieldMapping mapping = new FieldMapping(c.get("energy.mapping.group"), c.getList("energy.mapping.import-fields"),
                c.getList("energy.mapping.export-fields"), c.getList("energy.mapping.power-fields"),
                c.getList("energy.mapping.power-l1-fields"), c.getList("energy.mapping.power-l2-fields"),
                c.getList("energy.mapping.power-l3-fields"), c.getList("energy.mapping.serial-fields"));
        DeviceClock clock = new DeviceClock(c.zone(), c.getLong("energy.ingest.max-device-time-age-ms"),
                c.getLong("energy.ingest.max-device-time-ahead-ms"));
        return IngestSteps.transform(new TasmotaTransform(mapping, clock, c.getDouble("energy.ingest.max-power-w")));
    }

    /**
     * Merge of partial readings and plausibility, seeded with each meter's last counters from the database; the
     * per-message step gateReading and flush-partial-readings use it.
     */
    @BindToRegistry
    public ReadingGate readingGate(CamelContext context, Database database) throws Exception {
        Settings c = Settings.of(context);
        Plausibility plausibility = new Plausibility(c.getDouble("energy.ingest.max-power-w"),
                c.getInt("energy.ingest.resync-after"));
        try (Connection conn = database.connection()) {
            for (Reading last : new MetersTable().lastCounters(conn)) {
                plausibility.seed(last.meter(), last.ts(), last.importKwh(), last.exportKwh(), last.serial());
            }
        }
        return new ReadingGate(new PartialMerger(c.getLong("energy.ingest.merge-window-ms")), plausibility);
    }

    /** Step of ingest-message: a reading through {@link #readingGate}. */
    @BindToRegistry
    public Processor gateReading(ReadingGate readingGate) {
        return IngestSteps.gate(readingGate);
    }

    /** The step of flush-partial-readings that writes the partial readings still pending on a graceful stop. */
    @BindToRegistry
    public SendOnGracefulStop flushPartialReadingsOnStop(CamelContext context) {
        return new SendOnGracefulStop(context, "direct:flush-partial-readings-on-stop");
    }

    /** Writes of the ingestion to the database; what it does not take is held ({@link HeldReadings}). */
    @BindToRegistry
    public TableWrites tableWrites(Database database, HeldReadings heldReadings) {
        return new TableWrites(database.dataSource(), heldReadings);
    }

    @BindToRegistry
    public MetersTable metersTable(TableWrites tableWrites) {
        return new MetersTable(tableWrites);
    }

    @BindToRegistry
    public RawPayloadsTable rawPayloadsTable(TableWrites tableWrites) {
        return new RawPayloadsTable(tableWrites);
    }

    @BindToRegistry
    public QuarantineTable quarantineTable(TableWrites tableWrites) {
        return new QuarantineTable(tableWrites);
    }

    /** Counts quarantined messages and logs one WARN per reason and {@code energy.quarantine.warn-interval-ms}. */
    @BindToRegistry
    public QuarantineRecorder quarantineRecorder(CamelContext context, IngestCounters counters) {
        return new QuarantineRecorder(counters, Settings.of(context).getLong("energy.quarantine.warn-interval-ms"));
    }

    /** The readings' inserts; {@code energy.ingest.batch-size} is refused beyond what one statement holds. */
    @BindToRegistry
    public ReadingsTable readingsTable(CamelContext context) {
        if (Settings.of(context).getInt("energy.ingest.batch-size") > ReadingsTable.MAX_ROWS_PER_STATEMENT / 2) {
            throw new IllegalArgumentException("energy.ingest.batch-size must be at most " + ReadingsTable.MAX_ROWS_PER_STATEMENT / 2);
        }
        return new ReadingsTable();
    }

    /** The insert of one batch of store-readings, counted. */
    @BindToRegistry
    public BatchInsert batchInsert(IngestCounters counters, Clock clock) {
        return new BatchInsert(counters, clock);
    }

    /** The aggregation of store-readings' batches. */
    @BindToRegistry
    public AggregationStrategy batchStrategy() {
        return new GroupedBodyAggregationStrategy();
    }
}
