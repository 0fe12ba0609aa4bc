package org.energymonitor.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.energymonitor.config.Settings;
import org.energymonitor.events.EventCounters;
import org.energymonitor.ingest.IngestCounters;
import org.energymonitor.jobs.AlertQueue;
import org.energymonitor.jobs.JobLog;
import org.energymonitor.mqtt.MqttConnections;
import org.energymonitor.query.StatusReport;
import org.energymonitor.store.Database;
import org.energymonitor.store.HeldReadings;
import org.energymonitor.store.MetersTable;
import org.energymonitor.web.EnergyHealthCheck;
import org.energymonitor.web.Health;
import org.energymonitor.web.Metrics;
import org.energymonitor.web.WebServer;

/**
 * What the service reports about itself: /status, /observe/metrics and /observe/health. Last, because they read
 * every other part (the counters, the MQTT connections, the held readings, the job log, the HTTP server); see
 * {@link CoreConfiguration} for how the bean classes work.
 */
public final class StatusConfiguration implements CamelConfiguration {

    /** /status: version, uptime, MQTT, storage, meters, counts, jobs and events. */
    @BindToRegistry
    public StatusReport statusReport(CamelContext context, Database database, Clock clock, IngestCounters counters,
                                     HeldReadings heldReadings, MqttConnections mqtt, JobLog jobLog, EventCounters events,
                                     AlertQueue alertQueue) {
        Settings c = Settings.of(context);
        StatusReport.Facts facts = new StatusReport.Facts(Version.current(), c.get("energy.mqtt.broker-url"),
                c.getList("energy.mqtt.topics"), mqtt, mqtt::paused, jobLog::jobs, events::counts,
                () -> new StatusReport.Alerts(alertQueue.sent(), alertQueue.dropped(), alertQueue.waiting()));
        return new StatusReport(database, clock, facts, counters, heldReadings);
    }

    /**
     * /observe/metrics: the counters, MQTT state and events, the HTTP server's request timers and logins, and
     * Camel's route timers except for {@code energy.metrics.untimed-routes}.
     */
    @BindToRegistry
    public Metrics metrics(CamelContext context, IngestCounters counters, MqttConnections mqtt, EventCounters events,
                           WebServer webServer, AlertQueue alertQueue) {
        Metrics metrics = new Metrics(counters, mqtt);
        metrics.events(events);
        metrics.alerts(alertQueue::sent, alertQueue::dropped, alertQueue::waiting);
        MicrometerRoutePolicyFactory routeMetrics = new MicrometerRoutePolicyFactory();
        // Per-route timers cost several microseconds per exchange; the per-message ingest routes are counted by
        // IngestCounters instead (energy_messages_total and friends), the batch insert keeps its route timer.
        routeMetrics.getPolicyConfiguration().setExcludePattern(Settings.of(context).get("energy.metrics.untimed-routes"));
        context.addRoutePolicyFactory(routeMetrics);
        webServer.timeRequests(metrics.registry());
        webServer.countLogins(metrics.registry());
        return metrics;
    }

    /** The registry of {@link #metrics}, which camel-micrometer's route timers use. */
    @BindToRegistry(MicrometerConstants.METRICS_REGISTRY_NAME)
    public PrometheusMeterRegistry metricsRegistry(Metrics metrics) {
        return metrics.registry();
    }

    /**
     * /observe/health: the service's own checks, the MQTT subscriptions (energy-mqtt) and the database taking writes
     * and answering (energy-database), not Camel's per-route ones.
     */
    @BindToRegistry
    public Health health(CamelContext context, Database database, MqttConnections mqtt, StatusReport statusReport) {
        HealthCheckRegistry checks = HealthCheckRegistry.get(context);
        checks.register(new EnergyHealthCheck("energy-mqtt", mqtt));
        MetersTable meters = new MetersTable();
        checks.register(new EnergyHealthCheck("energy-database",
                () -> "ok".equals(statusReport.storage().state()) && answers(database, meters)));
        Predicate<HealthCheck> others = check -> !EnergyHealthCheck.GROUP.equals(check.getGroup());
        return new Health(() -> HealthCheckHelper.invoke(context, check -> Map.of(), others, "full"));
    }

    private static boolean answers(Database db, MetersTable meters) {
        try (Connection c = db.reader()) {
            meters.first(c);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
