package org.energymonitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.energymonitor.app.ApiClient;
import org.energymonitor.app.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * uPlot is served from its webjar under /webjars/ at a path without its version, and nothing else of the classpath is
 * reachable that way.
 */
class WebjarsTest {

    @TempDir
    static Path dir;
    static RunningService service;
    static ApiClient http;
    /** The webjar's version on the classpath: pom.xml's uplot.version. */
    static String version;

    @BeforeAll
    static void start() throws Exception {
        service = new RunningService(dir, Map.of()).start();
        http = service.api();
        Properties pom = new Properties();
        try (InputStream in = WebjarsTest.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            pom.load(in);
        }
        version = pom.getProperty("version");
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void uplot_script_and_stylesheet_are_served_from_the_webjar() throws Exception {
        ApiClient.Answer js = http.get("/webjars/uplot/dist/uPlot.iife.min.js");
        assertEquals(200, js.status());
        assertTrue(js.contentType().startsWith("text/javascript"), js.contentType());
        assertTrue(js.body().contains("uPlot"), "the script itself");
        assertTrue(js.raw().length > 40_000, "the whole file: " + js.raw().length);
        ApiClient.Answer css = http.get("/webjars/uplot/dist/uPlot.min.css");
        assertEquals(200, css.status());
        assertTrue(css.contentType().startsWith("text/css"), css.contentType());
    }

    @Test
    void the_uplot_script_is_gzipped_for_clients_that_accept_it() throws Exception {
        // HTTP/1.1 like a browser on plain http (the JDK client's h2c upgrade of a large gzipped body once hung here)
        ApiClient.Answer js = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + service.httpPort() + "/webjars/uplot/dist/uPlot.iife.min.js"))
                .version(java.net.http.HttpClient.Version.HTTP_1_1).header("Accept-Encoding", "gzip").GET(), true);
        assertEquals("gzip", js.contentEncoding());
        assertTrue(js.body().contains("uPlot"));
    }

    @Test
    void a_browser_revalidates_the_versionless_path_by_the_webjars_version() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI css = URI.create("http://127.0.0.1:" + service.httpPort() + "/webjars/uplot/dist/uPlot.min.css");
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(css).build(), HttpResponse.BodyHandlers.ofString());
        String etag = "\"uplot-" + version + "\"";
        assertEquals(etag, first.headers().firstValue("ETag").orElse(null));
        HttpResponse<String> again = client.send(HttpRequest.newBuilder(css).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void nothing_else_on_the_classpath_is_reachable_through_webjars() throws Exception {
        for (String path : new String[] {
                "/webjars/application.properties",
                "/webjars/logback.xml",
                "/webjars/../application.properties",
                "/webjars/uplot/../../../../application.properties",
                "/webjars/uplot/%2e%2e/%2e%2e/%2e%2e/%2e%2e/logback.xml",
                "/webjars/uplot/%2E%2E/%2E%2E/%2E%2E/%2E%2E/application.properties",
                "/webjars/%2e%2e%2f%2e%2e%2f%2e%2e%2fapplication.properties",
                "/webjars/uplot/package.json",
                "/webjars/uplot/README.md",
                "/webjars/../META-INF/MANIFEST.MF",
                "/webjars/../org/energymonitor/app/EnergyMonitor.class",
                "/webjars/uplot/",
                "/webjars/uplot/" + version + "/dist/uPlot.min.css",
                "/META-INF/resources/webjars/uplot/" + version + "/dist/uPlot.min.css",
                "/application.properties",
                "/logback.xml"}) {
            ApiClient.Answer a = http.get(path);
            assertEquals(404, a.status(), path + " answered " + a.status() + ": " + a.body());
            assertFalse(a.body().contains("energy.") || a.body().contains("<configuration"), path);
        }
    }
}
