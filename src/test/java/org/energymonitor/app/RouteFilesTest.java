package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken edit of a route file stops start-up with the file, the line and a readable message.
 */
class RouteFilesTest {

    private static Throwable startWith(Path dir, String fileName, String yaml) throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        try (var files = Files.list(Path.of("routes"))) {
            for (Path f : files.toList()) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
        Files.writeString(routes.resolve(fileName), yaml);
        RunningService service = new RunningService(dir.resolve("data"),
                Map.of("camel.main.routes-include-pattern", "file:" + routes + "/*.camel.yaml"));
        try {
            return assertThrows(Exception.class, service::start);
        } finally {
            service.close();
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void yaml_that_does_not_parse_names_the_file_and_line(@TempDir Path dir) throws Exception {
        Throwable e = startWith(dir, "broken.camel.yaml", """
                - route:
                    id: broken
                    from:
                      uri: timer:x
                      steps:
                        - log: {message: "unterminated
                """);
        String text = messages(e);
        assertTrue(text.contains("broken.camel.yaml"), text);
        assertTrue(text.contains("line"), text);
    }

    @Test
    void an_unknown_step_names_the_file_and_line(@TempDir Path dir) throws Exception {
        Throwable e = startWith(dir, "unknown-step.camel.yaml", """
                - route:
                    id: unknown-step
                    from:
                      uri: timer:x
                      steps:
                        - frobnicate:
                            message: hello
                """);
        String text = messages(e);
        assertTrue(text.contains("unknown-step.camel.yaml"), text);
        assertTrue(text.contains("line 6"), text);
    }

    @Test
    void an_unknown_endpoint_stops_start_up_with_its_name(@TempDir Path dir) throws Exception {
        Throwable e = startWith(dir, "unknown-endpoint.camel.yaml", """
                - route:
                    id: unknown-endpoint
                    from:
                      uri: timer:x
                      steps:
                        - to:
                            uri: nosuchcomponent:somewhere
                """);
        String text = messages(e);
        assertTrue(text.contains("nosuchcomponent"), text);
    }
}
