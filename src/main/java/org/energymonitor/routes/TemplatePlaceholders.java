package org.energymonitor.routes;

import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Resolves the placeholders of a route made from a route template ({@code templatedRoute}) as Camel does when it
 * creates the route: the template's parameters ({@code {{name}}}) first, then the configuration.
 */
public final class TemplatePlaceholders {

    private TemplatePlaceholders() {
    }

    /** {@code text} with its placeholders resolved for {@code route}; an unknown key throws. */
    public static String resolve(CamelContext context, RouteDefinition route, String text) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        if (route.getTemplateParameters() == null || route.getTemplateParameters().isEmpty()) {
            return context.resolvePropertyPlaceholders(text);
        }
        Properties parameters = new Properties();
        route.getTemplateParameters().forEach((k, v) -> parameters.setProperty(k, String.valueOf(v)));
        PropertiesComponent pc = context.getPropertiesComponent();
        Properties before = pc.getLocalProperties();
        pc.setLocalProperties(parameters);
        try {
            return pc.parseUri(text);
        } finally {
            pc.setLocalProperties(before);
        }
    }
}
