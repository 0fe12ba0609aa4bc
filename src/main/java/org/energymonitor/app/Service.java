package org.energymonitor.app;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The service: one Camel Main with the routes of the {@code routes/} folder and the beans of {@link AppConfiguration}.
 */
public final class Service {

    private static final String LOCATIONS = "file:application.properties;optional=true,classpath:application.properties";
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
        main.addMainListener(new MqttSubscriptions());
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
