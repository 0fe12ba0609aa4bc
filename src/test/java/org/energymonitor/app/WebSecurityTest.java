package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.energymonitor.web.PasswordHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication on the dashboard and the API, and the static handler's confinement to web/. */
class WebSecurityTest {

    static final String[] PATHS = {"/", "/index.html", "/status", "/api/readings", "/api/latest_reading",
            "/api/stats?start=2026-01-01&end=2026-01-02", "/api/summary", "/api/daily", "/api/monthly",
            "/api/export.csv", "/api/nope", "/observe/metrics", "/api/openapi.json"};

    @TempDir
    static Path dir;
    static RunningService service;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path web = Files.createDirectories(dir.resolve("web"));
        Files.writeString(web.resolve("index.html"), "<!DOCTYPE html><title>t</title>");
        Files.writeString(dir.resolve("secret.txt"), "outside the web folder");
        service = new RunningService(dir.resolve("data"), Map.of(
                "energy.http.web-dir", web.toString(),
                "energy.http.username", "admin",
                "energy.http.password-hash", new PasswordHash().hash("s3cret"),
                "energy.http.api-token-sha256", HexFormat.of().formatHex(PasswordHash.sha256("script-token")))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static int status(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** HEAD is answered like GET, without the body, for monitors and link checkers. */
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

    private static HttpResponse<byte[]> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .header("Authorization", "Bearer script-token")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void every_endpoint_without_credentials_is_401() throws Exception {
        for (String path : PATHS) {
            assertEquals(401, status(path, null), path);
        }
    }

    @Test
    void the_health_check_is_open_for_monitoring() throws Exception {
        int s = status("/observe/health", null);
        assertTrue(s == 200 || s == 503, "health answered " + s);
    }

    @Test
    void wrong_credentials_are_401() throws Exception {
        for (String auth : new String[] {basic("admin", "wrong"), basic("root", "s3cret"), basic("admin", ""),
                "Basic !!!", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()), "Bearer nope",
                "Bearer ", "Digest x"}) {
            assertEquals(401, status("/status", auth), auth);
        }
    }

    @Test
    void the_right_password_or_token_opens_every_endpoint() throws Exception {
        for (String path : PATHS) {
            int basic = status(path, basic("admin", "s3cret"));
            int bearer = status(path, "Bearer script-token");
            assertTrue(basic != 401 && bearer != 401, path + ": " + basic + " / " + bearer);
            assertTrue(basic < 500 && bearer < 500, path);
        }
        assertEquals(200, status("/status", basic("admin", "s3cret")));
        assertEquals(200, status("/", "Bearer script-token"));
    }

    @Test
    void the_static_handler_serves_nothing_outside_the_web_folder() throws Exception {
        String auth = basic("admin", "s3cret");
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
                "/%2e%2e%2fsecret.txt", "/web/../secret.txt", "/....//secret.txt", "/.%2e/secret.txt"}) {
            int s = status(path, auth);
            assertTrue(s == 404 || s == 400, path + " → " + s);
        }
    }

    @Test
    void a_lan_address_without_credentials_refuses_to_start() {
        Exception e = assertThrows(Exception.class, () -> new RunningService(dir.resolve("lan"), Map.of(
                "energy.http.host", "0.0.0.0")).start().close());
        Throwable root = e;
        while (root.getCause() != null && !root.getMessage().contains("authentication")) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("hash-password"), root.getMessage());
    }
}
