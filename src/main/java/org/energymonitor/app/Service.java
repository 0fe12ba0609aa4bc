package org.energymonitor.app;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.energymonitor.config.Settings;
import org.energymonitor.routes.OperatorRoutes;

/**
 * The service: one Camel Main with the product's routes (in the jar), the operator's routes of
 * {@code energy.routes.dir} ({@link OperatorRoutes}) and the beans of {@link #beanClasses()}.
 */
public final class Service {

    /** build.properties last: its build.version is the OpenAPI document's version (routes/api.camel.yaml). */
    static final String LOCATIONS = "file:application.properties;optional=true,classpath:application.properties,"
            + "classpath:build.properties";
    private final Main main = new Main();

    public Service() {
        this(Map.of());
    }

    /** A service with {@code overrides} taking precedence over every configuration file (used by tests). */
    public Service(Map<String, String> overrides) {
        main.setPropertyPlaceholderLocations(LOCATIONS);
        overrides.forEach(main::addOverrideProperty);
        beanClasses().forEach(main.configure()::addConfiguration);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                OperatorRoutes.load(context, Path.of(Settings.of(context).get("energy.routes.dir")),
                        name -> context.getRegistry().lookupByName(name) != null);
            }
        });
    }

    /**
     * Every bean the routes call, class by class in the order Camel builds them: each class's
     * {@code @BindToRegistry} methods are its beans, named like the method ({@link CoreConfiguration} says how).
     */
    static List<CamelConfiguration> beanClasses() {
        return List.of(
                new CoreConfiguration(),    // the clock, the tariffs, the database and the counters everything shares
                new MqttConfiguration(),    // the broker and the intake's connections, held readings, the simulator
                new IngestConfiguration(),  // the steps of routes/ingest.camel.yaml and the tables it writes
                new ApiConfiguration(),     // the HTTP server and the query beans of routes/api.camel.yaml
                new JobsConfiguration(),    // the jobs and alerts of routes/jobs.camel.yaml and alerts.camel.yaml
                new StatusConfiguration()); // /status, /observe/metrics, /observe/health
    }

    /** Runs until the JVM is asked to stop (SIGTERM, Ctrl-C). */
    public void run() throws Exception {
        try {
            main.run();
        } catch (RuntimeCamelException e) {
            throw unwrapped(e);
        }
    }

    /** Starts without blocking; {@link #stop()} stops gracefully. */
    public CamelContext start() throws Exception {
        try {
            main.start();
        } catch (RuntimeCamelException e) {
            throw unwrapped(e);
        }
        return main.getCamelContext();
    }

    /**
     * A bean method's own exception (a refused start-up says why), without the two wrappers of Camel's reflective
     * call of {@code @BindToRegistry} methods.
     */
    private static Exception unwrapped(RuntimeCamelException e) {
        return e.getCause() instanceof InvocationTargetException call && call.getCause() instanceof Exception thrown
                ? thrown : e;
    }

    public void stop() throws Exception {
        main.stop();
    }
}
