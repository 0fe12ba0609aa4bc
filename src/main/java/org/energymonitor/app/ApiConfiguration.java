package org.energymonitor.app;

import java.nio.file.Path;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.energymonitor.config.Settings;
import org.energymonitor.query.ApiErrors;
import org.energymonitor.query.ApiParameters;
import org.energymonitor.query.BillingYear;
import org.energymonitor.query.CalendarQuery;
import org.energymonitor.query.ExportQuery;
import org.energymonitor.query.LatestReading;
import org.energymonitor.query.MeterChoice;
import org.energymonitor.query.Periods;
import org.energymonitor.query.RangeParameters;
import org.energymonitor.query.ReadingsQuery;
import org.energymonitor.query.StatsQuery;
import org.energymonitor.query.SummaryQuery;
import org.energymonitor.query.Tariffs;
import org.energymonitor.query.TimeParameter;
import org.energymonitor.query.WarmUp;
import org.energymonitor.store.Database;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.ReadingsTable;
import org.energymonitor.web.ApiJson;
import org.energymonitor.web.AuthSettings;
import org.energymonitor.web.LoginLimits;
import org.energymonitor.web.WebServer;
import org.energymonitor.web.WebSettings;

/**
 * The HTTP side: the Vert.x server that routes/api.camel.yaml attaches to, the parser of the API's query parameters
 * and the query beans its routes call (the jobs call some of them too). See {@link CoreConfiguration} for how the
 * bean classes work.
 */
public final class ApiConfiguration implements CamelConfiguration {

    /** The server of the dashboard and the API ({@code energy.http.*}), started here: a port in use stops start-up. */
    @BindToRegistry
    public WebServer webServer(CamelContext context) throws Exception {
        Settings c = Settings.of(context);
        AuthSettings auth = new AuthSettings(c.get("energy.http.username"), c.get("energy.http.password-hash"),
                c.getList("energy.http.api-token-sha256"), c.get("energy.http.auth"));
        LoginLimits logins = new LoginLimits(c.getInt("energy.http.login.free-failures"),
                c.getInt("energy.http.login.max-lockout-s"), c.getDouble("energy.http.login.password-checks-per-s"));
        WebServer web = new WebServer(new WebSettings(c.get("energy.http.host"), c.getInt("energy.http.port"),
                Path.of(c.get("energy.http.web-dir")), c.getLong("energy.http.max-body-bytes"), auth,
                c.getDouble("energy.http.rate-limit-per-s"), c.getDouble("energy.http.rate-limit-burst"),
                c.get("energy.http.tls-cert"), c.get("energy.http.tls-key"), logins,
                c.getInt("energy.http.idle-timeout-s"), c.getInt("energy.http.header-timeout-s")));
        context.addService(web, true, true);
        return web;
    }

    /** The router of {@link #webServer} for the platform-http consumers of the REST DSL. */
    @BindToRegistry(VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO)
    public VertxPlatformHttpRouter platformHttpRouter(WebServer webServer) {
        return webServer.camelRouter();
    }

    /** The mapper of reply-json (snake_case). */
    @BindToRegistry
    public ObjectMapper apiJson() {
        return ApiJson.mapper();
    }

    /** The bodies of the API's 400, 404 and 503 answers. */
    @BindToRegistry
    public ApiErrors apiErrors() {
        return new ApiErrors();
    }

    /** The query parameters of each API request as the typed request of its query bean. */
    @BindToRegistry
    public ApiParameters apiParameters(CamelContext context, Clock clock) {
        Settings c = Settings.of(context);
        return new ApiParameters(new TimeParameter(c.zone()), c.zone(), clock);
    }

    @BindToRegistry
    public LatestReading latestReading(CamelContext context, Database database) {
        return new LatestReading(database, meters(), new ReadingsTable(), Settings.of(context).zone());
    }

    @BindToRegistry
    public ReadingsQuery readingsQuery(Database database, Clock clock) {
        return new ReadingsQuery(database, new RangeParameters(meters(), clock));
    }

    @BindToRegistry
    public StatsQuery statsQuery(Database database, Tariffs tariffs, Clock clock) {
        return new StatsQuery(database, new RangeParameters(meters(), clock), tariffs);
    }

    @BindToRegistry
    public SummaryQuery summaryQuery(CamelContext context, Database database, Tariffs tariffs, BillingYear billingYear,
                                     Clock clock) {
        return new SummaryQuery(database, meters(), new Periods(Settings.of(context).zone(), clock), tariffs,
                billingYear, clock);
    }

    /** /api/daily and /api/monthly, and the daily-summary job. */
    @BindToRegistry
    public CalendarQuery calendarQuery(CamelContext context, Database database, Tariffs tariffs, Clock clock) {
        return new CalendarQuery(database, meters(), tariffs, Settings.of(context).zone(), clock);
    }

    /** /api/export.csv, and the git-history job's monthly files. */
    @BindToRegistry
    public ExportQuery exportQuery(CamelContext context, Database database, Clock clock) {
        return new ExportQuery(database, new RangeParameters(meters(), clock), Settings.of(context).zone());
    }

    /** The dashboard's first requests, sent to {@link #webServer} once after start-up (route warm-up). */
    @BindToRegistry
    public WarmUp apiWarmUp(CamelContext context, WebServer webServer, Clock clock) {
        return new WarmUp(webServer::requestSelf, clock, Settings.of(context).zone());
    }

    /** The {@code meter} parameter's choice among the meters of the database. */
    private static MeterChoice meters() {
        return new MeterChoice(new MetersTable());
    }
}
