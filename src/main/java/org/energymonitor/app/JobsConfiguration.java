package org.energymonitor.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.telegram.TelegramComponent;
import org.apache.camel.spi.Registry;
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
import org.energymonitor.query.MeterChoice;
import org.energymonitor.query.RangeParameters;
import org.energymonitor.query.Tariffs;
import org.energymonitor.query.TimeParameter;
import org.energymonitor.store.Database;
import org.energymonitor.store.MetersTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beans of {@code routes/jobs.camel.yaml} and {@code routes/alerts.camel.yaml}: the job log, the jobs, the alert
 * queue and the Telegram component (token, base URL, timeouts); the {@code {{job-zone:<job>}}} placeholder function
 * of the {@code job} template ({@link JobZone}). Runs after {@link AppConfiguration}.
 */
public final class JobsConfiguration implements CamelConfiguration {

    /** The Quartz group of every job: a job is a route from {@code quartz:energy/<name>} ({@link ScheduledJobs}). */
    static final String QUARTZ_GROUP = "energy";
    private static final Logger LOG = LoggerFactory.getLogger(JobsConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        Settings c = Settings.of(context);
        Registry r = context.getRegistry();
        Clock clock = Clock.systemUTC();
        Database db = r.lookupByNameAndType("database", Database.class);
        Path dataDir = Path.of(c.get("energy.data.dir"));
        context.getPropertiesComponent().addPropertiesFunction(new JobZone(c));
        TemplatedDescriptions.install(context);
        ScheduledJobs jobs = new ScheduledJobs(context);
        context.addLifecycleStrategy(jobs);
        r.bind("jobLog", new JobLog(clock, jobs::specs, jobs::nextFire));
        r.bind("alertQueue", new AlertQueue(clock, telegram(context, c), c.getInt("energy.telegram.queue-size"),
                c.getLong("energy.telegram.retry-ms"), c.getLong("energy.telegram.max-retry-ms")));

        long first = c.getLong("energy.alerts.first-reminder-ms");
        long max = c.getLong("energy.alerts.max-reminder-ms");
        String broker = context.resolvePropertyPlaceholders("{{energy.mqtt.broker-url}}");
        r.bind("watchdog", new Watchdog(db, r.lookupByNameAndType("mqttConnections", MqttConnections.class), broker, clock,
                new Watchdog.Limits(c.getLong("energy.watchdog.stale-after-ms"), c.getLong("energy.watchdog.grace-ms")),
                new Conditions(first, max)));
        r.bind("healthCheck", new HealthCheck(db, dataDir, clock,
                new HealthCheck.Limits(c.getLong("energy.health.min-readings-per-hour"), c.getDouble("energy.health.factor"),
                        c.getInt("energy.health.history-days"), c.getLong("energy.health.min-free-disk-mb")),
                new Conditions(first, max)));
        r.bind("backup", new Backup(db, Path.of(c.get("energy.backup.dir")), c.getInt("energy.backup.keep"),
                c.getDouble("energy.backup.min-rows-ratio"), clock));

        ZoneId dataZone = c.zone();
        TimeParameter times = new TimeParameter(dataZone);
        MeterChoice choice = new MeterChoice(new MetersTable());
        ExportQuery export = new ExportQuery(db, new RangeParameters(times, choice, clock), dataZone);
        r.bind("gitHistory", new GitHistory(Path.of(c.get("energy.git.dir")),
                new MonthlyCsv(db, export, dataZone, clock, c.get("energy.git.resolution"), c.getInt("energy.git.recent-months")),
                c.get("energy.git.mode"), c.get("energy.git.branch"), gitRemote(c),
                new PersonIdent(c.get("energy.git.author-name"), c.get("energy.git.author-email")), clock,
                new Conditions(first, max)));
        r.bind("dailySummary", new DailySummary(db, new CalendarQuery(db, choice, times,
                r.lookupByNameAndType("tariffs", Tariffs.class), dataZone, clock), dataZone, clock));
    }

    private static GitRemote gitRemote(Settings c) {
        String key = c.get("energy.git.ssh.key-file");
        String hosts = c.get("energy.git.ssh.known-hosts");
        String ca = c.get("energy.git.https.ca-file");
        return new GitRemote(c.get("energy.git.remote"), c.get("energy.git.username"), c.get("energy.git.token"),
                key.isEmpty() ? null : Path.of(key), hosts.isEmpty() ? null : Path.of(hosts),
                ca.isEmpty() ? null : Path.of(ca));
    }

    /** Configures camel-telegram; false (with one log line) when no token is configured. */
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
