package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's routes folder: a broken file stops start-up with the file, the line and what to fix (the same check
 * as {@code check-routes}, which runs beside a live service), and a route with a product route's id replaces it.
 */
class RouteFilesTest {

    private static Path write(Path dir, String fileName, String yaml) throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes.d"));
        Path file = routes.resolve(fileName);
        Files.writeString(file, yaml);
        return file;
    }

    private static String refusal(Path dir) throws Exception {
        try (RunningService service = new RunningService(dir.resolve("data"), Map.of())) {
            return StartupRefusal.reason(assertThrows(Exception.class, service::start));
        }
    }

    /** check-routes on the folder: its exit code and everything it printed. */
    private static String check(Path dir, int expectedCode) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = new CheckRoutes(p, p, Map.of()).run(List.of(dir.resolve("routes.d").toString()));
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, text);
        return text;
    }

    @Test
    void yaml_that_does_not_parse_names_the_file_and_line(@TempDir Path dir) throws Exception {
        Path file = write(dir, "broken.yaml", """
                - route:
                    id: broken
                    from:
                      uri: timer:x
                      steps:
                        - log: {message: "unterminated
                """);
        for (String text : List.of(refusal(dir), check(dir, 1))) {
            assertTrue(text.contains(file.toString()) && text.contains("line"), text);
        }
    }

    @Test
    void an_unknown_step_names_the_file_and_line(@TempDir Path dir) throws Exception {
        Path file = write(dir, "unknown-step.yaml", """
                - route:
                    id: unknown-step
                    from:
                      uri: timer:x
                      steps:
                        - frobnicate:
                            message: hello
                """);
        for (String text : List.of(refusal(dir), check(dir, 1))) {
            assertTrue(text.contains(file.toString()) && text.contains("line 6"), text);
        }
    }

    @Test
    void unknown_endpoints_events_beans_and_keys_name_the_file_the_line_and_the_fix(@TempDir Path dir) throws Exception {
        Path file = write(dir, "mistakes.yaml", """
                - route:
                    id: mistakes
                    description: four mistakes an operator makes
                    from:
                      uri: event:reading-stord
                      steps:
                        - to:
                            uri: nosuchcomponent:somewhere
                        - bean:
                            ref: noSuchBean
                        - to:
                            uri: "paho-mqtt5:{{energy.no-such-key}}"
                """);
        for (String text : List.of(refusal(dir), check(dir, 1))) {
            assertTrue(text.contains(file + " line 5 (route mistakes): there is no event 'reading-stord': the events are "
                    + "reading-stored, meter-state, quarantined, job-finished, alert"), text);
            assertTrue(text.contains(file + " line 7 (route mistakes): no Camel component 'nosuchcomponent'"), text);
            assertTrue(text.contains(file + " line 9 (route mistakes): no bean 'noSuchBean'"), text);
            assertTrue(text.contains(file + " line 11 (route mistakes): the endpoint paho-mqtt5:{{energy.no-such-key}} uses an "
                    + "unknown configuration key"), text);
        }
    }

    @Test
    void two_operator_files_with_one_route_id_are_refused(@TempDir Path dir) throws Exception {
        String route = """
                - route:
                    id: twice
                    from:
                      uri: event:alert
                      steps:
                        - log: {message: "${body}"}
                """;
        write(dir, "a.yaml", route);
        Path second = write(dir, "b.yaml", route);
        for (String text : List.of(refusal(dir), check(dir, 1))) {
            assertTrue(text.contains(second + " line 1: the route id 'twice' is already defined by "), text);
        }
    }

    @Test
    void a_route_with_a_product_route_id_replaces_it_one_can_be_disabled_and_check_routes_runs_beside_the_live_service(@TempDir Path dir)
            throws Exception {
        write(dir, "purge.yaml", """
                - route:
                    id: purge-old-rows
                    description: the operator's own purge, which keeps everything
                    from:
                      uri: timer:operator-purge
                      parameters:
                        period: 3600000
                      steps:
                        - log: {message: "nothing purged"}
                """);
        try (RunningService service = new RunningService(dir.resolve("data"),
                Map.of("camel.main.route-filter-exclude-pattern", "warm-up")).start()) {
            assertEquals(null, service.context().getRoute("warm-up"), "a product route disabled by Camel's route filter");
            var route = service.context().getRoute("purge-old-rows");
            assertEquals("timer://operator-purge?period=3600000", route.getEndpoint().getEndpointUri());
            assertEquals(1, service.context().getRoutes().stream().filter(r -> r.getRouteId().equals("purge-old-rows")).count());
            // the live service holds the database lock and its ports: the check needs neither
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = new CheckRoutes(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, service.overrides())
                    .run(List.of());
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, text);
            assertTrue(text.contains("1 operator route(s) [purge-old-rows]") && text.contains("replaces the product route purge-old-rows"),
                    text);
        }
    }
}
