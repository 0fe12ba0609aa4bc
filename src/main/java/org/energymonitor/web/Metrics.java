package org.energymonitor.web;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.energymonitor.events.EventCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.energymonitor.ingest.IngestCounters;

/**
 * The Prometheus metrics of {@code /observe/metrics}: readings by outcome, quarantined messages by reason, insert
 * batches (count, readings, milliseconds), the MQTT connection state, events, Telegram alerts, HTTP requests (see
 * {@link RequestTimer}), Camel's route timers and the JVM's memory, GC, threads and CPU.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final IngestCounters counters;

    public Metrics(IngestCounters counters, BooleanSupplier mqttConnected) {
        this.counters = counters;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("energy_mqtt_connected", mqttConnected, s -> s.getAsBoolean() ? 1 : 0)
                .description("1 when every MQTT subscription is connected to its broker").register(registry);
        FunctionCounter.builder("energy_insert_batches", counters, c -> c.batches()[0])
                .description("insert transactions of readings").register(registry);
        FunctionCounter.builder("energy_insert_batch_readings", counters, c -> c.batches()[1])
                .description("readings in the insert transactions").register(registry);
        FunctionCounter.builder("energy_insert_batch_milliseconds", counters, c -> c.batches()[2])
                .description("time spent in insert transactions").register(registry);
    }

    /** Per documented event: published to operator routes, and dropped while they fell behind. */
    public void events(EventCounters events) {
        for (String event : events.counts().keySet()) {
            FunctionCounter.builder("energy_events_published", events, e -> e.counts().get(event).published())
                    .tag("event", event).description("events put on the queue of the operator routes that consume them")
                    .register(registry);
            FunctionCounter.builder("energy_events_dropped", events, e -> e.counts().get(event).dropped())
                    .tag("event", event).description("events dropped because the operator routes consuming them fell behind")
                    .register(registry);
        }
    }

    /**
     * The Telegram alerts: sent and dropped (the oldest, while the queue was full) since start, waiting now. The
     * meters hold this (the registry keeps its objects only weakly), and the lambdas the suppliers.
     */
    public void alerts(LongSupplier sent, LongSupplier dropped, LongSupplier waiting) {
        String what = "Telegram alerts by outcome: sent to the chat, or dropped (the oldest) while the queue was full";
        FunctionCounter.builder("energy_alerts", this, m -> sent.getAsLong()).tag("outcome", "sent")
                .description(what).register(registry);
        FunctionCounter.builder("energy_alerts", this, m -> dropped.getAsLong()).tag("outcome", "dropped")
                .description(what).register(registry);
        Gauge.builder("energy_alerts_waiting", this, m -> waiting.getAsLong())
                .description("Telegram alerts waiting in the queue").register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The text exposition; outcomes and reasons seen since the last scrape are registered first. */
    public String scrape() {
        for (String outcome : counters.outcomes().keySet()) {
            FunctionCounter.builder("energy_messages", counters, c -> c.get(outcome)).tag("outcome", outcome)
                    .description("MQTT messages by outcome (stored and duplicate count readings)").register(registry);
        }
        for (String reason : counters.reasons().keySet()) {
            FunctionCounter.builder("energy_quarantined", counters, c -> c.quarantinedFor(reason))
                    .tag("reason", reason).description("quarantined messages by reason").register(registry);
        }
        return registry.scrape();
    }
}
