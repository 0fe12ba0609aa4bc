package org.energymonitor.routes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.LineNumberAware;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.model.language.MethodCallExpression;
import org.energymonitor.events.EventName;

/**
 * Checks operator routes before anything starts, so a mistake stops start-up (and {@code check-routes}) with the
 * file, the line and the fix instead of Camel's message about a route id: each endpoint's placeholders resolve and
 * its component is in the jar, each {@code event:} names a documented event, each bean a route calls exists.
 * Camel would find most of these only while creating the routes, and without the file.
 */
final class RouteCheck {

    private static final Pattern SIMPLE_BEAN = Pattern.compile("\\$\\{bean:([A-Za-z0-9_.-]+)");

    private final CamelContext context;
    private final Predicate<String> beanExists;

    RouteCheck(CamelContext context, Predicate<String> beanExists) {
        this.context = context;
        this.beanExists = beanExists;
    }

    void check(Map<RouteDefinition, Path> routes) {
        List<String> problems = new ArrayList<>();
        routes.forEach((route, file) -> {
            Walk walk = new Walk(file, route, problems);
            walk.uri(route.getInput().getEndpointUri(), route.getInput());
            walk.nodes(route.getOutputs());
        });
        if (!problems.isEmpty()) {
            throw new RouteFileException(String.join("; ", problems));
        }
    }

    /** The bean names a route calls (the product's routes tell {@code check-routes} which beans the service binds). */
    static List<String> beans(List<RouteDefinition> routes) {
        List<String> names = new ArrayList<>();
        for (RouteDefinition r : routes) {
            new RouteCheck(null, name -> names.add(name)).new Walk(null, r, new ArrayList<>()).nodes(r.getOutputs());
            if (r.getTemplateParameters() != null && r.getTemplateParameters().get("bean") != null) {
                names.add(String.valueOf(r.getTemplateParameters().get("bean"))); // a job's bean:{{bean}}
            }
        }
        return names;
    }

    /** The messages of an exception's causes, without repeats. */
    static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (out.indexOf(m) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(m);
            }
        }
        return out.toString();
    }

    private final class Walk {
        private final Path file;
        private final RouteDefinition route;
        private final List<String> problems;

        Walk(Path file, RouteDefinition route, List<String> problems) {
            this.file = file;
            this.route = route;
            this.problems = problems;
        }

        void nodes(List<ProcessorDefinition<?>> nodes) {
            for (ProcessorDefinition<?> node : nodes) {
                if (node instanceof EndpointRequiredDefinition e && !(node instanceof ToDynamicDefinition)) {
                    uri(e.getEndpointUri(), node);
                }
                if (node instanceof BeanDefinition b && b.getRef() != null) {
                    bean(b.getRef(), node);
                }
                if (node instanceof ProcessDefinition p && p.getRef() != null) {
                    bean(p.getRef(), node);
                }
                if (node instanceof ExpressionNode n && n.getExpression() != null) {
                    expression(n.getExpression(), node);
                }
                nodes(node.getOutputs());
            }
        }

        void uri(String uri, LineNumberAware where) {
            if (context == null || uri == null) {
                return;
            }
            String resolved;
            try {
                resolved = TemplatePlaceholders.resolve(context, route, uri);
            } catch (RuntimeException e) {
                problem(where, "the endpoint " + uri + " uses an unknown configuration key: " + messages(e));
                return;
            }
            int colon = resolved.indexOf(':');
            String scheme = colon < 0 ? resolved : resolved.substring(0, colon);
            if (colon < 0 || context.getComponent(scheme) == null) {
                problem(where, "no Camel component '" + scheme + "' in this jar for the endpoint " + uri
                        + " (docs/routes.md lists the components)");
            } else if ("bean".equals(scheme)) {
                bean(resolved.substring(colon + 1).replaceFirst("^//", "").split("\\?")[0], where);
            } else if ("event".equals(scheme)) {
                String rest = resolved.substring(colon + 1).replaceFirst("^//", "");
                try {
                    EventName.of(rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest);
                    if (rest.contains("?")) {
                        problem(where, "event:" + rest + " takes no options");
                    }
                } catch (IllegalArgumentException e) {
                    problem(where, e.getMessage());
                }
            }
        }

        void expression(ExpressionDefinition e, LineNumberAware where) {
            if (e instanceof MethodCallExpression m && m.getRef() != null) {
                bean(m.getRef(), where);
            }
            if (e.getExpression() != null) {
                Matcher m = SIMPLE_BEAN.matcher(e.getExpression());
                while (m.find()) {
                    bean(m.group(1).split("[?.]")[0], where);
                }
            }
        }

        void bean(String name, LineNumberAware where) {
            if (!beanExists.test(name)) {
                problem(where, "no bean '" + name + "' (declare it under beans: in an operator file, or use one "
                        + "the product binds: docs/routes.md)");
            }
        }

        private void problem(LineNumberAware where, String what) {
            int line = where.getLineNumber() > 0 ? where.getLineNumber() : route.getLineNumber();
            problems.add(file + (line > 0 ? " line " + line : "") + " (route " + route.getRouteId() + "): " + what);
        }
    }
}
