package org.energymonitor.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.energymonitor.config.Settings;
import org.energymonitor.events.EventComponent;
import org.energymonitor.events.EventCounters;
import org.energymonitor.mqtt.EmbeddedBroker;
import org.energymonitor.routes.OperatorRoutes;
import org.energymonitor.routes.RouteFileException;

/**
 * {@code check-routes}: loads the product's routes and the operator's files into a Camel context that is never
 * started, with the service's configuration, and runs the start-up check of {@link OperatorRoutes} on them. It takes
 * no database lock, binds no port and connects to no broker, so it runs beside the service before a restart. Beans
 * count as known when the operator's files declare them or a product route calls them (the service binds those).
 */
final class CheckRoutes {

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> overrides;

    /** {@code overrides} take precedence over the configuration files, as {@link Service}'s do. */
    CheckRoutes(PrintStream out, PrintStream err, Map<String, String> overrides) {
        this.out = out;
        this.err = err;
        this.overrides = Map.copyOf(overrides);
    }

    /** Checks {@code args}' one folder, or energy.routes.dir; 0 when the routes would start, 1 with the problems. */
    int run(List<String> args) throws Exception {
        if (args.size() > 1 || (!args.isEmpty() && args.get(0).startsWith("-"))) {
            throw new IllegalArgumentException("usage: check-routes [FOLDER] (default: energy.routes.dir)");
        }
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation(Service.LOCATIONS);
            overrides.forEach(context.getPropertiesComponent()::addOverrideProperty);
            Settings c = Settings.of(context);
            String url = c.get("energy.mqtt.url");
            context.getPropertiesComponent().addOverrideProperty("energy.mqtt.broker-url", url.isEmpty()
                    ? EmbeddedBroker.clientUrl(c.get("energy.mqtt.embedded.host"), c.getInt("energy.mqtt.embedded.port")) : url);
            context.getPropertiesComponent().addOverrideProperty("energy.telegram.enabled",
                    Boolean.toString(!c.get("energy.telegram.token").isEmpty()));
            context.addComponent("event", new EventComponent(1, new EventCounters()));
            context.build();
            RoutesLoader loader = PluginHelper.getRoutesLoader(context);
            for (Resource r : PluginHelper.getPackageScanResourceResolver(context).findResources(
                    context.resolvePropertyPlaceholders("{{camel.main.routes-include-pattern}}"))) {
                loader.loadRoutes(r);
            }
            int product = context.getRouteDefinitions().size();
            Set<String> known = OperatorRoutes.productBeans(context);
            Path dir = Path.of(args.isEmpty() ? c.get("energy.routes.dir") : args.get(0));
            try {
                OperatorRoutes.Loaded loaded = OperatorRoutes.load(context, dir,
                        name -> known.contains(name) || context.getRegistry().lookupByName(name) != null);
                Set<String> ids = new TreeSet<>();
                loaded.routes().keySet().stream().map(RouteDefinition::getRouteId).forEach(ids::add);
                out.println("check-routes: " + dir.toAbsolutePath() + ": " + ids.size() + " operator route(s) "
                        + ids + " beside " + product + " product routes: OK");
                loaded.replaced().forEach(id -> out.println("check-routes: replaces the product route " + id));
                return 0;
            } catch (RouteFileException e) {
                err.println("check-routes: " + e.getMessage());
                return 1;
            }
        }
    }
}
