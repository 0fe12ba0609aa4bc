package org.energymonitor.app;

import java.time.Clock;

import javax.sql.DataSource;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.energymonitor.config.Settings;
import org.energymonitor.events.EventBodies;
import org.energymonitor.events.EventComponent;
import org.energymonitor.events.EventCounters;
import org.energymonitor.ingest.IngestCounters;
import org.energymonitor.query.BillingYear;
import org.energymonitor.query.Tariffs;
import org.energymonitor.store.Database;
import org.energymonitor.store.InstanceLock;

/**
 * The beans the other bean classes build on, so they come first: the clock, the tariffs, the database behind its
 * instance lock, and the counters that ingestion, the API and the events share.
 * <p>
 * How every bean class of {@link Service#beanClasses()} works: each {@code @BindToRegistry} method builds the bean of
 * its name from the configuration ({@link Settings}) and the beans in its parameters, which Camel finds in the
 * registry by type (the {@code CamelContext} too). Camel calls the methods of a class after those of the classes
 * listed before it; within a class it calls the methods without parameters first, then those taking no bean of
 * their own class, then the rest. So a method takes beans of earlier classes, and beans of its own class only when
 * those come from a method that takes none ({@code BeanClassesTest} checks this). What must happen before what
 * follows from that: the tariffs are read and the instance lock taken before the MQTT broker binds its port, and
 * the database is migrated before any bean reads it.
 */
public final class CoreConfiguration implements CamelConfiguration {

    /** The one clock of every bean; a host clock before this jar's build time is logged as wrong. */
    @BindToRegistry
    public Clock clock() {
        Clock clock = Clock.systemUTC();
        new ClockCheck(clock).warnIfBeforeBuild();
        return clock;
    }

    /** The tariffs of {@code energy.tariff.<n>.*}: a bad one stops start-up with its key. */
    @BindToRegistry
    public Tariffs tariffs(CamelContext context) {
        Settings c = Settings.of(context);
        return Tariffs.read(c::get, c.zone());
    }

    /** The billing year of {@code energy.billing.*} (the forecast of /api/summary). */
    @BindToRegistry
    public BillingYear billingYear(CamelContext context, Tariffs tariffs, Clock clock) {
        Settings c = Settings.of(context);
        return BillingYear.read(c::get, c.zone(), clock, tariffs);
    }

    /**
     * The database, opened and migrated only after its instance lock is held (a second service on the same file is
     * refused); the lock is released and the database closed after the routes have stopped.
     */
    @BindToRegistry
    public Database database(CamelContext context) throws Exception {
        Settings c = Settings.of(context);
        InstanceLock lock = InstanceLock.tryAcquire(c.dbPath()).orElseThrow(() -> new IllegalStateException(
                "Another Energy Monitor runs on " + c.dbPath().toAbsolutePath() + " (its .lock file is held)"));
        context.addService(new LockService(lock), true, false);
        Database db = new Database(c.dbPath(), c.zone(), c.getInt("energy.db.busy-timeout-ms")).migrate();
        context.addService(new DatabaseService(db), true, false);
        return db;
    }

    /** The database's writer for the {@code jdbc:energyDb} steps of routes/ingest.camel.yaml. */
    @BindToRegistry
    public DataSource energyDb(Database database) {
        return database.dataSource();
    }

    /** Messages, readings and quarantine counts of the ingestion, for /status and the metrics. */
    @BindToRegistry
    public IngestCounters ingestCounters() {
        return new IngestCounters();
    }

    /**
     * The counts of the events operator routes consume, and the {@code event:<name>} component that counts them
     * (docs/routes.md), with {@code energy.events.queue-size} waiting per event.
     */
    @BindToRegistry
    public EventCounters eventCounters(CamelContext context) {
        EventCounters events = new EventCounters();
        context.addComponent("event", new EventComponent(Settings.of(context).getInt("energy.events.queue-size"), events));
        return events;
    }

    /** The bodies of the events the routes send (reading-stored, meter-state, ...). */
    @BindToRegistry
    public EventBodies eventBodies() {
        return new EventBodies();
    }
}
