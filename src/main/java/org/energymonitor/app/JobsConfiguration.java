package org.energymonitor.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.telegram.TelegramComponent;
import org.eclipse.jgit.lib.PersonIdent;
import org.energymonitor.config.Settings;
import org.energymonitor.jobs.AlertQueue;
import org.energymonitor.jobs.Backup;
import org.energymonitor.jobs.Conditions;
import org.energymonitor.jobs.DailySummary;
import org.energymonitor.jobs.GitHistory;
import org.energymonitor.jobs.GitRemote;
import org.energymonitor.jobs.HealthCheck;
import org.energymonitor.jobs.JobLog;
import org.energymonitor.jobs.MonthlyCsv;
import org.energymonitor.jobs.TimeoutHttpClient;
import org.energymonitor.jobs.Watchdog;
import org.energymonitor.mqtt.MqttConnections;
import org.energymonitor.query.CalendarQuery;
import org.energymonitor.query.ExportQuery;
import org.energymonitor.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans of routes/jobs.camel.yaml and routes/alerts.camel.yaml: the job log, what each job runs, and the alert
 * queue with the Telegram component; and the {@code {{job-zone:<job>}}} placeholder function of the {@code job}
 * template ({@link JobZone}). The jobs are the templated routes of that file ({@link ScheduledJobs}); here are only
 * the beans they call. After {@link ApiConfiguration}, whose queries two jobs use; see {@link CoreConfiguration} for
 * how the bean classes work.
 */
public final class JobsConfiguration implements CamelConfiguration {

    /** The Quartz group of every job: a job is a route from {@code quartz:energy/<name>} ({@link ScheduledJobs}). */
    static final String QUARTZ_GROUP = "energy";
    private static final Logger LOG = LoggerFactory.getLogger(JobsConfiguration.class);

    /** Every job's runs for /status, learning the jobs from the routes as Camel creates them. */
    @BindToRegistry
    public JobLog jobLog(CamelContext context, Clock clock) {
        ScheduledJobs jobs = new ScheduledJobs(context);
        context.addLifecycleStrategy(jobs);
        return new JobLog(clock, jobs::specs, jobs::nextFire);
    }

    /** Alerts waiting for Telegram ({@code energy.telegram.*}); only logged while no token is configured. */
    @BindToRegistry
    public AlertQueue alertQueue(CamelContext context, Clock clock) {
        Settings c = Settings.of(context);
        return new AlertQueue(clock, telegram(context, c), c.getInt("energy.telegram.queue-size"),
                c.getLong("energy.telegram.retry-ms"), c.getLong("energy.telegram.max-retry-ms"));
    }

    /** Job watchdog: stale meters, LWT Offline, a disconnected MQTT consumer ({@code energy.watchdog.*}). */
    @BindToRegistry
    public Watchdog watchdog(CamelContext context, Database database, MqttConnections mqttConnections, Clock clock) {
        Settings c = Settings.of(context);
        return new Watchdog(database, mqttConnections, c.get("energy.mqtt.broker-url"), clock,
                new Watchdog.Limits(c.getLong("energy.watchdog.stale-after-ms"), c.getLong("energy.watchdog.grace-ms")),
                conditions(c));
    }

    /** Job health-check: readings per meter in the last hour and free disk space ({@code energy.health.*}). */
    @BindToRegistry
    public HealthCheck healthCheck(CamelContext context, Database database, Clock clock) {
        Settings c = Settings.of(context);
        return new HealthCheck(database, Path.of(c.get("energy.data.dir")), clock,
                new HealthCheck.Limits(c.getLong("energy.health.min-readings-per-hour"), c.getDouble("energy.health.factor"),
                        c.getInt("energy.health.history-days"), c.getLong("energy.health.min-free-disk-mb")),
                conditions(c));
    }

    /** Job backup ({@code energy.backup.*}). */
    @BindToRegistry
    public Backup backup(CamelContext context, Database database, Clock clock) {
        Settings c = Settings.of(context);
        return new Backup(database, Path.of(c.get("energy.backup.dir")), c.getInt("energy.backup.keep"),
                c.getDouble("energy.backup.min-rows-ratio"), clock);
    }

    /** Job git-history: monthly CSV files of the export query, committed and pushed ({@code energy.git.*}). */
    @BindToRegistry
    public GitHistory gitHistory(CamelContext context, Database database, ExportQuery exportQuery, Clock clock) {
        Settings c = Settings.of(context);
        String key = c.get("energy.git.ssh.key-file");
        String hosts = c.get("energy.git.ssh.known-hosts");
        String ca = c.get("energy.git.https.ca-file");
        GitRemote remote = new GitRemote(c.get("energy.git.remote"), c.get("energy.git.username"),
                c.get("energy.git.token"), key.isEmpty() ? null : Path.of(key), hosts.isEmpty() ? null : Path.of(hosts),
                ca.isEmpty() ? null : Path.of(ca));
        return new GitHistory(Path.of(c.get("energy.git.dir")), new MonthlyCsv(database, exportQuery, c.zone(), clock,
                c.get("energy.git.resolution"), c.getInt("energy.git.recent-months")), c.get("energy.git.mode"),
                c.get("energy.git.branch"), remote,
                new PersonIdent(c.get("energy.git.author-name"), c.get("energy.git.author-email")), clock, conditions(c));
    }

    /** Job daily-summary: yesterday per meter from the calendar query of /api/daily. */
    @BindToRegistry
    public DailySummary dailySummary(CamelContext context, Database database, CalendarQuery calendarQuery, Clock clock) {
        return new DailySummary(database, calendarQuery, Settings.of(context).zone(), clock);
    }

    /** Before any route is loaded: the zone function of the job template and the templated routes' descriptions. */
    @Override
    public void configure(CamelContext context) {
        context.getPropertiesComponent().addPropertiesFunction(new JobZone(Settings.of(context)));
        TemplatedDescriptions.install(context);
    }

    /** When an alerting state reminds again ({@code energy.alerts.*}). */
    private static Conditions conditions(Settings c) {
        return new Conditions(c.getLong("energy.alerts.first-reminder-ms"), c.getLong("energy.alerts.max-reminder-ms"));
    }

    /**
     * Configures camel-telegram and sets {@code energy.telegram.enabled}, which switches the deliver-alerts route;
     * false (with one log line) when no token is configured.
     */
    private static boolean telegram(CamelContext context, Settings c) {
        String token = c.get("energy.telegram.token");
        boolean on = !token.isEmpty();
        context.getPropertiesComponent().addOverrideProperty("energy.telegram.enabled", Boolean.toString(on));
        TelegramComponent telegram = context.getComponent("telegram", TelegramComponent.class);
        if (!on) {
            // deliver-alerts does not start, but its endpoint is still created, and camel-telegram insists on a token
            telegram.setAuthorizationToken("alerts-off");
            LOG.info("Telegram alerts are off (no energy.telegram.token / ENERGY_TELEGRAM_TOKEN); alerts are only logged");
            return false;
        }
        if (c.get("energy.telegram.chat-id").isEmpty()) {
            throw new IllegalArgumentException("energy.telegram.token is set but energy.telegram.chat-id is empty");
        }
        telegram.setAuthorizationToken(token);
        telegram.setBaseUri(c.get("energy.telegram.base-url"));
        telegram.setClient(new TimeoutHttpClient(Duration.ofMillis(c.getLong("energy.telegram.connect-timeout-ms")),
                Duration.ofMillis(c.getLong("energy.telegram.timeout-ms"))));
        LOG.info("Telegram alerts go to chat {} through {}", c.get("energy.telegram.chat-id"), c.get("energy.telegram.base-url"));
        return true;
    }
}
