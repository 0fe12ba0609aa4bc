package org.energymonitor.app;

import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * The product's jobs as routes/jobs.camel.yaml defines them, the one list of them: its routes from
 * {@code quartz:energy/<name>} (the templated routes of the {@code job} template), read by Camel's own loader. Tests
 * that need every job's name take it from here.
 */
public final class ProductJobs {

    private ProductJobs() {
    }

    /** The job names, in the file's order. */
    public static List<String> names() {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:application.properties");
            context.build();
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    PluginHelper.getResourceLoader(context).resolveResource("classpath:routes/jobs.camel.yaml"));
            return context.getRouteDefinitions().stream()
                    .filter(d -> d.getInput().getEndpointUri().startsWith("quartz:" + JobsConfiguration.QUARTZ_GROUP + "/"))
                    .map(d -> String.valueOf(d.getTemplateParameters().get("name"))).toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the jobs of routes/jobs.camel.yaml", e);
        }
    }
}
