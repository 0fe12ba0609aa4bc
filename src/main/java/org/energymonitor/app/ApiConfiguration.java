package org.energymonitor.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.Registry;
import org.energymonitor.ingest.IngestCounters;
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
import org.energymonitor.store.Database;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.web.ApiJson;
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
        WebServer web = new WebServer(new WebSettings(c.get("energy.http.host"), c.getInt("energy.http.port"),
                Path.of(c.get("energy.http.web-dir")), c.getLong("energy.http.max-body-bytes")));
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
        r.bind("readingsQuery", new ReadingsQuery(db, ranges));
        r.bind("statsQuery", new StatsQuery(db, ranges, tariffs));
        r.bind("summaryQuery", new SummaryQuery(db, choice, new Periods(zone, clock), tariffs,
                r.lookupByNameAndType("billingYear", BillingYear.class), clock));
        r.bind("calendarQuery", new CalendarQuery(db, choice, times, tariffs, zone, clock));
        r.bind("exportQuery", new ExportQuery(db, ranges, zone));
        StatusReport.Facts facts = new StatusReport.Facts(Version.current(),
                context.resolvePropertyPlaceholders("{{energy.mqtt.broker-url}}"), c.getList("energy.mqtt.topics"),
                new MqttConnections(context), r.lookupByNameAndType("jobLog", JobLog.class)::jobs);
        r.bind("statusReport", new StatusReport(db, Clock.systemUTC(), facts, counters));
    }
}
