package org.energymonitor.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the operator's own routes, every {@code *.yaml} of {@code energy.routes.dir} in name order, beside the
 * product's routes (already in the model, from the jar), then checks them with {@link RouteCheck}. A route whose id
 * is a product route's id replaces it (Camel's model keeps one definition per id); the log names each replacement.
 * Camel's loader reads every file of a pattern as one set and would refuse the duplicate id, so the files are loaded
 * one by one here to tell a deliberate replacement from two operator files that define the same route.
 */
public final class OperatorRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorRoutes.class);

    /** The operator's route definitions, each with the file that defines it, and the product route ids replaced. */
    public record Loaded(Map<RouteDefinition, Path> routes, List<String> replaced) {
    }

    private OperatorRoutes() {
    }

    /** Loads and checks the files of {@code dir}; a problem stops here with the file, the line and what to fix. */
    public static Loaded load(CamelContext context, Path dir, Predicate<String> beanExists) {
        ModelCamelContext model = (ModelCamelContext) context;
        Map<String, Path> owners = new LinkedHashMap<>();
        Set<String> productIds = new java.util.HashSet<>();
        model.getRouteDefinitions().forEach(d -> productIds.add(d.getRouteId()));
        Map<RouteDefinition, Path> mine = new IdentityHashMap<>();
        List<String> replaced = new ArrayList<>();
        for (Path file : files(dir)) {
            Set<RouteDefinition> before = Collections.newSetFromMap(new IdentityHashMap<>());
            before.addAll(model.getRouteDefinitions());
            try {
                Resource resource = PluginHelper.getResourceLoader(context).resolveResource("file:" + file.toAbsolutePath());
                PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            } catch (Exception e) {
                throw new RouteFileException(file + ": " + RouteCheck.messages(e), e);
            }
            for (RouteDefinition d : model.getRouteDefinitions()) {
                if (before.contains(d)) {
                    continue;
                }
                String id = d.getRouteId();
                if (id != null && owners.containsKey(id)) {
                    throw new RouteFileException(file + " line " + d.getLineNumber() + ": the route id '" + id
                            + "' is already defined by " + owners.get(id) + "; give one of them another id");
                }
                if (id != null && productIds.contains(id)) {
                    replaced.add(id);
                    LOG.warn("The operator route '{}' of {} replaces the product route '{}' (product updates to it no longer apply)",
                            id, file, id);
                }
                if (id != null) {
                    owners.put(id, file);
                }
                mine.put(d, file);
            }
        }
        new RouteCheck(context, beanExists).check(mine);
        LOG.info("Operator routes from {}: {}", dir.toAbsolutePath(), owners.isEmpty() ? "none" : owners.keySet());
        return new Loaded(mine, replaced);
    }

    /** The beans the product's routes call: the service binds each, so {@code check-routes} may take them as known. */
    public static Set<String> productBeans(CamelContext context) {
        return new java.util.HashSet<>(RouteCheck.beans(((ModelCamelContext) context).getRouteDefinitions()));
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new RouteFileException("Cannot list the operator routes in " + dir + ": " + e.getMessage(), e);
        }
    }
}
