package org.energymonitor.lab;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What {@code bench-ingest} does when fewer rows than acknowledged readings are in the table once no row has arrived
 * for 15 s: it says how many messages the service's MQTT consumer had received by then (the
 * {@code energy_messages_total{outcome="received"}} counter), so a stall in the broker's delivery can be told from a
 * stall inside the service, and it waits a minute longer, so a late batch is told from a lost one.
 */
final class BenchShortfall {

    private final int httpPort;
    private final LongSupplier rows;

    BenchShortfall(int httpPort, LongSupplier rows) {
        this.httpPort = httpPort;
        this.rows = rows;
    }

    /** Reports the shortfall and returns the rows stored after up to another 60 s. */
    long explain(String broker, long acked, long stored) throws InterruptedException {
        System.out.printf("%s: %,d of %,d acknowledged readings stored and no new row for 15 s; the service had received "
                + "%s MQTT messages. Waiting up to 60 s more...%n", broker, stored, acked, received());
        long deadline = System.currentTimeMillis() + 60_000;
        long n = stored;
        while (n < acked && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            n = rows.getAsLong();
        }
        System.out.printf("%s: %,d stored after the extra wait (%,d arrived late)%n", broker, n, n - stored);
        return n;
    }

    private String received() {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/observe/metrics"))
                    .timeout(Duration.ofSeconds(10)).build();
            String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith("energy_messages_total{outcome=\"received\"}")) {
                    return String.format("%,.0f", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
            return "an unknown number of (no counter in /observe/metrics)";
        } catch (Exception e) {
            return "an unknown number of (" + e.getMessage() + ")";
        }
    }
}
