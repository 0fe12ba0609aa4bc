package org.energymonitor.app;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.energymonitor.routes.TemplatePlaceholders;

/**
 * Gives a route made from a route template (the jobs of the {@code job} template) the description its
 * {@code templatedRoute} passes, {@code description: "{{description}}"} in the template: Camel resolves the
 * template's parameters in endpoints and expressions but leaves a route's description as written. Installed before
 * any route is loaded, so the product's jobs and the operator's get theirs.
 */
final class TemplatedDescriptions implements ModelLifecycleStrategy {

    private final CamelContext context;

    private TemplatedDescriptions(CamelContext context) {
        this.context = context;
    }

    static void install(CamelContext context) {
        context.getCamelContextExtension().getContextPlugin(Model.class)
                .addModelLifecycleStrategy(new TemplatedDescriptions(context));
    }

    @Override
    public void onAddRouteDefinition(RouteDefinition route) {
        String description = route.getDescription();
        if (route.getTemplateParameters() == null || description == null || !description.contains("{{")) {
            return;
        }
        try {
            route.setDescription(TemplatePlaceholders.resolve(context, route, description));
        } catch (IllegalArgumentException e) {
            // an unknown key in a description is not worth a refused start: it stays as written
        }
    }

    @Override
    public void onRemoveRouteDefinition(RouteDefinition route) {
    }

    @Override
    public void onAddRouteTemplateDefinition(RouteTemplateDefinition template) {
    }

    @Override
    public void onRemoveRouteTemplateDefinition(RouteTemplateDefinition template) {
    }
}
