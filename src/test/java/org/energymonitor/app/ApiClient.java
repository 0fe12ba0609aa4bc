package org.energymonitor.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP requests to a running service on loopback. */
public final class ApiClient {

    /** One answer: status, content type and encoding, and the (decompressed) body. */
    public record Answer(int status, String contentType, String contentEncoding, byte[] raw, String body) {

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Answer get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET(), false);
    }

    public Answer getGzip(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).header("Accept-Encoding", "gzip").GET(), true);
    }

    public Answer send(HttpRequest.Builder request, boolean gzip) throws Exception {
        HttpResponse<byte[]> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String encoding = r.headers().firstValue("Content-Encoding").orElse("");
        byte[] raw = r.body();
        byte[] plain = raw;
        if (gzip && encoding.equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                plain = in.readAllBytes();
            }
        }
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), encoding, raw,
                new String(plain, StandardCharsets.UTF_8));
    }
}
