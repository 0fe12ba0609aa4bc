package org.energymonitor.app;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.energymonitor.config.Settings;
import org.energymonitor.routes.OperatorRoutes;

/**
 * The service: one Camel Main with the product's routes (in the jar), the operator's routes of
 * {@code energy.routes.dir} ({@link OperatorRoutes}) and the beans of {@link AppConfiguration}.
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
        main.configure().addConfiguration(new AppConfiguration());
        main.configure().addConfiguration(new JobsConfiguration());
        main.configure().addConfiguration(new ApiConfiguration());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                OperatorRoutes.load(context, Path.of(Settings.of(context).get("energy.routes.dir")),
                        name -> context.getRegistry().lookupByName(name) != null);
            }
        });
    }

    /** Runs until the JVM is asked to stop (SIGTERM, Ctrl-C). */
    public void run() throws Exception {
        main.run();
    }

    /** Starts without blocking; {@link #stop()} stops gracefully. */
    public CamelContext start() throws Exception {
        main.start();
        return main.getCamelContext();
    }

    public void stop() throws Exception {
        main.stop();
    }
}
