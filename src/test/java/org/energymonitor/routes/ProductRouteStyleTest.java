package org.energymonitor.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * The house style of the product routes (routes/*.camel.yaml and the examples in docs/examples/routes): canonical
 * YAML, where every language sits under an {@code expression:} key (sub-expressions such as {@code handled:} and
 * {@code correlationExpression:} name their language directly), and kebab-case ids with a description on every
 * route, route template, rest block and REST operation.
 */
class ProductRouteStyleTest {

    private static final Pattern LANGUAGE = Pattern.compile("^\\s*(- )?(simple|constant|method|header|exchangeProperty|jq|jsonpath):\\s*$");
    private static final Pattern SUB_EXPRESSION = Pattern.compile(".*(expression|Expression|handled|continued|completionPredicate):\\s*$");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static List<Path> files() throws Exception {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("routes", "docs/examples/routes")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    /** A method call inside a simple expression: {@code ${exchangeProperty.reading.meter()}}. */
    private static final Pattern OGNL_CALL = Pattern.compile("\\$\\{[^}]*\\(\\)");
    private static final Pattern SQL = Pattern.compile(
            "\\.sql\\(|\\.parameters\\(|\\b(INSERT|SELECT|UPDATE|DELETE)\\s");

    @Test
    void every_language_is_under_an_expression_key() throws Exception {
        List<String> shortForms = new ArrayList<>();
        for (Path file : files()) {
            List<String> lines = Files.readAllLines(file);
            String previous = "";
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (LANGUAGE.matcher(line).matches() && !SUB_EXPRESSION.matcher(previous).matches()) {
                    shortForms.add(file + ":" + (i + 1) + ": " + line.strip());
                }
                previous = line;
            }
        }
        assertEquals(List.of(), shortForms, "languages in the short form");
    }

    /**
     * A bean step's arguments name values ({@code ${body}}, {@code ${exchangeProperty.device}}); they never call
     * methods on Java objects, and no SQL text or statement object appears in a route: the table classes keep
     * both.
     */
    @Test
    void bean_arguments_call_no_methods_and_no_sql_crosses_a_route() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("method:") && OGNL_CALL.matcher(line).find()
                        || SQL.matcher(line).find()) {
                    found.add(file + ":" + (i + 1) + ": " + line);
                }
            }
        }
        assertEquals(List.of(), found, "method calls in bean arguments, or SQL in a route");
    }

    @Test
    void every_route_and_template_has_a_kebab_case_id_and_a_description() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:application.properties");
            context.build();
            for (Path file : files()) {
                Resource r = PluginHelper.getResourceLoader(context).resolveResource("file:" + file);
                PluginHelper.getRoutesLoader(context).loadRoutes(r);
            }
            List<String> ids = new ArrayList<>();
            for (RouteDefinition d : context.getRouteDefinitions()) {
                if (d.getRestDefinition() != null) {
                    continue; // a REST operation's route: checked below, from its rest: block
                }
                if (d.getInput().getEndpointUri().startsWith("rest-api:")) {
                    // the OpenAPI document's route, which Camel makes from restConfiguration: an id, no description
                    assertTrue(KEBAB.matcher(String.valueOf(d.getRouteId())).matches(), "apiContextRouteId " + d.getRouteId());
                    ids.add(d.getRouteId());
                    continue;
                }
                check(d.getRouteId(), d.getDescriptionText(), ids);
            }
            for (RestDefinition rest : context.getRestDefinitions()) {
                check(rest.getId(), rest.getDescriptionText(), ids);
                for (VerbDefinition operation : rest.getVerbs()) {
                    check(operation.getId(), operation.getDescriptionText(), ids);
                    assertEquals(operation.getId(), operation.getRouteId(), "an operation's route id is its id");
                }
            }
            for (RouteTemplateDefinition t : context.getRouteTemplateDefinitions()) {
                check(t.getId(), t.getDescriptionText(), ids);
            }
            assertTrue(ids.size() > 20, "the product routes were loaded: " + ids);
        }
    }

    private static void check(String id, String description, List<String> ids) {
        assertTrue(id != null && KEBAB.matcher(id).matches(), "a kebab-case id: " + id);
        assertTrue(description != null && !description.isBlank(), "a description on " + id);
        ids.add(id);
    }
}
