package org.energymonitor.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** Timed GET requests against the service on loopback, gzip accepted as a browser would. */
final class BenchHttp {

    /** One timed request: its latency in ms, its status and its body size in bytes as sent (gzip) and plain. */
    record Timing(double ms, int status, long gzipBytes) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    BenchHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Timing get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(60)).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Timing(ms, r.statusCode(), r.body().length);
    }

    long plainBytes(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    void warmUp(String path, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            get(path);
        }
    }

    /** {@code n} requests; a table row with median, p99, max and the largest body, against the targets (-1 = none). */
    String measure(String label, int n, double targetMs, long maxBytes, Supplier<String> paths) throws Exception {
        double[] ms = new double[n];
        long gzip = 0;
        long plain = 0;
        for (int i = 0; i < n; i++) {
            String path = paths.get();
            Timing t = get(path);
            if (t.status() != 200) {
                throw new IllegalStateException(path + " answered " + t.status());
            }
            ms[i] = t.ms();
            if (t.gzipBytes() > gzip) {
                gzip = t.gzipBytes();
                plain = plainBytes(path);
            }
        }
        Arrays.sort(ms);
        double median = ms[n / 2];
        boolean met = (targetMs < 0 || median <= targetMs) && (maxBytes < 0 || plain <= maxBytes);
        String target = targetMs < 0 ? "-" : "≤ " + (long) targetMs + " ms" + (maxBytes < 0 ? "" : ", ≤ "
                + maxBytes / 1024 + " KB") + (met ? " met" : " MISSED");
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %,d B (%,d B) | %s |", label, n, median,
                percentile(ms, 0.99), ms[n - 1], plain, gzip, target);
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
