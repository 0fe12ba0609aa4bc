package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD is answered like GET, without the body, for monitors and link checkers. */
class HeadRequestsTest {

    @TempDir
    static Path dir;
    static RunningService service;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<!DOCTYPE html><title>t</title>");
        service = new RunningService(dir.resolve("data"), Map.of("energy.http.web-dir", web.toString())).start();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    private static HttpResponse<byte[]> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void head_answers_with_the_status_and_content_type_of_get_and_no_body() throws Exception {
        for (String path : new String[] {"/observe/health", "/status", "/observe/metrics", "/api/summary",
                "/api/latest_reading", "/api/daily", "/api/stats", "/api/nope"}) {
            HttpResponse<byte[]> get = send("GET", path);
            HttpResponse<byte[]> head = send("HEAD", path);
            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
            assertEquals(0, head.body().length, path);
            assertTrue(get.body().length > 0, path);
        }
    }
}
