package org.energymonitor.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Registry;
import org.energymonitor.config.Settings;
import org.energymonitor.events.EventCounters;
import org.energymonitor.ingest.IngestCounters;
import org.energymonitor.jobs.AlertQueue;
import org.energymonitor.jobs.JobLog;
import org.energymonitor.mqtt.MqttConnections;
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
import org.energymonitor.query.WarmUp;
import org.energymonitor.store.Database;
import org.energymonitor.store.HeldReadings;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.web.ApiJson;
import org.energymonitor.web.AuthSettings;
import org.energymonitor.web.EnergyHealthCheck;
import org.energymonitor.web.Health;
import org.energymonitor.web.LoginLimits;
import org.energymonitor.web.Metrics;
import org.energymonitor.web.WebServer;
import org.energymonitor.web.WebSettings;

/**
 * The HTTP side: the Vert.x server that {@code routes/api.camel.yaml} attaches to, and the query beans its routes
 * call. Runs after {@link AppConfiguration} and {@link JobsConfiguration}, whose database, tariffs and counters it uses.
 */
public final class ApiConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings c = Settings.of(context);
        Registry r = context.getRegistry();
        Database db = r.lookupByNameAndType("database", Database.class);
        IngestCounters counters = r.lookupByNameAndType("ingestCounters", IngestCounters.class);
        MetersTable meters = new MetersTable();
        AuthSettings auth = new AuthSettings(c.get("energy.http.username"), c.get("energy.http.password-hash"),
                c.getList("energy.http.api-token-sha256"), c.get("energy.http.auth", "auto"));
        WebServer web = new WebServer(new WebSettings(c.get("energy.http.host"), c.getInt("energy.http.port"),
                Path.of(c.get("energy.http.web-dir")), c.getLong("energy.http.max-body-bytes"), auth,
                c.getDouble("energy.http.rate-limit-per-s"), c.getDouble("energy.http.rate-limit-burst"),
                c.get("energy.http.tls-cert"), c.get("energy.http.tls-key"), loginLimits(c),
                c.getInt("energy.http.idle-timeout-s"), c.getInt("energy.http.header-timeout-s")));
        r.bind(VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO, web.camelRouter());
        r.bind("webServer", web);
        context.addService(web, true, true);
        r.bind("apiJson", ApiJson.mapper());
        r.bind("apiErrors", new ApiErrors());
        MeterChoice choice = new MeterChoice(meters);
        Clock clock = Clock.systemUTC();
        ZoneId zone = c.zone();
        Tariffs tariffs = r.lookupByNameAndType("tariffs", Tariffs.class);
        TimeParameter times = new TimeParameter(zone);
        RangeParameters ranges = new RangeParameters(times, choice, clock);
        r.bind("latestReading", new LatestReading(db, choice, new ReadingsTable(), zone));
        ReadingsQuery readings = new ReadingsQuery(db, ranges);
        r.bind("readingsQuery", readings);
        r.bind("statsQuery", new StatsQuery(db, ranges, tariffs));
        SummaryQuery summary = new SummaryQuery(db, choice, new Periods(zone, clock), tariffs,
                r.lookupByNameAndType("billingYear", BillingYear.class), clock);
        r.bind("summaryQuery", summary);
        CalendarQuery calendar = new CalendarQuery(db, choice, times, tariffs, zone, clock);
        r.bind("calendarQuery", calendar);
        r.bind("apiWarmUp", new WarmUp(web::requestSelf, ranges, zone));
        r.bind("exportQuery", new ExportQuery(db, ranges, zone));
        MqttConnections mqtt = r.lookupByNameAndType("mqttConnections", MqttConnections.class);
        EventCounters events = r.lookupByNameAndType("eventCounters", EventCounters.class);
        AlertQueue alerts = r.lookupByNameAndType("alertQueue", AlertQueue.class);
        StatusReport.Facts facts = new StatusReport.Facts(Version.current(),
                context.resolvePropertyPlaceholders("{{energy.mqtt.broker-url}}"), c.getList("energy.mqtt.topics"), mqtt,
                mqtt::paused,
                r.lookupByNameAndType("jobLog", JobLog.class)::jobs, events::counts,
                () -> new StatusReport.Alerts(alerts.sent(), alerts.dropped(), alerts.waiting()));
        Metrics metrics = new Metrics(counters, mqtt);
        metrics.events(events);
        metrics.alerts(alerts::sent, alerts::dropped, alerts::waiting);
        r.bind(MicrometerConstants.METRICS_REGISTRY_NAME, metrics.registry());
        r.bind("metrics", metrics);
        MicrometerRoutePolicyFactory routeMetrics = new MicrometerRoutePolicyFactory();
        // Per-route timers cost several microseconds per exchange; the per-message ingest routes are counted by
        // IngestCounters instead (energy_messages_total and friends), the batch insert keeps its route timer.
        routeMetrics.getPolicyConfiguration().setExcludePattern(c.get("energy.metrics.untimed-routes"));
        context.addRoutePolicyFactory(routeMetrics);
        web.timeRequests(metrics.registry());
        web.countLogins(metrics.registry());
        HealthCheckRegistry checks = HealthCheckRegistry.get(context);
        checks.register(new EnergyHealthCheck("energy-mqtt", mqtt));
        StatusReport status = new StatusReport(db, Clock.systemUTC(), facts, counters,
                r.lookupByNameAndType("heldReadings", HeldReadings.class));
        checks.register(new EnergyHealthCheck("energy-database",
                () -> "ok".equals(status.storage().state()) && databaseAnswers(db, meters)));
        java.util.function.Predicate<org.apache.camel.health.HealthCheck> others =
                check -> !EnergyHealthCheck.GROUP.equals(check.getGroup());
        r.bind("health", new Health(() -> HealthCheckHelper.invoke(context, check -> java.util.Map.of(), others, "full")));
        r.bind("statusReport", status);
    }

    private static LoginLimits loginLimits(Settings c) {
        return new LoginLimits(c.getInt("energy.http.login.free-failures"), c.getInt("energy.http.login.max-lockout-s"),
                c.getDouble("energy.http.login.password-checks-per-s"));
    }

    private static boolean databaseAnswers(Database db, MetersTable meters) {
        try (java.sql.Connection c = db.reader()) {
            meters.first(c);
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }
}
