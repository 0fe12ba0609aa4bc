package org.energymonitor.lab;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publishing side of {@code bench-ingest}, run in its own process: many simulated devices publish Tasmota SENSOR
 * messages with distinct timestamps at QoS 1 as fast as the broker acknowledges them, over {@link MqttWire}
 * connections, never more in flight than the broker's receive maximum. Prints one line:
 * {@code published=N acked=N unrouted=N failed=N first=ms last=ms}, where unrouted counts the PUBACKs that say no
 * subscriber matched (the broker dropped the message, as MQTT has it). Arguments: URL DEVICES SECONDS CONNECTIONS
 * [RATE], where RATE (messages per second in all, 0 = as fast as the broker acknowledges) paces the publishing.
 */
public final class BenchPublisher {

    public int run(List<String> args) throws Exception {
        String url = args.get(0);
        int devices = Integer.parseInt(args.get(1));
        long seconds = Long.parseLong(args.get(2));
        int connections = Integer.parseInt(args.get(3));
        double perConnection = args.size() > 4 ? Double.parseDouble(args.get(4)) / connections : 0;
        AtomicLong published = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong unrouted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long first = System.currentTimeMillis();
        long deadline = first + seconds * 1000;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread t = new Thread(() -> publish(url, connection, connections, devices, deadline, perConnection, published,
                    acked, unrouted, failed));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("published=%d acked=%d unrouted=%d failed=%d first=%d last=%d%n",
                published.get(), acked.get(), unrouted.get(), failed.get(), first, System.currentTimeMillis());
        return 0;
    }

    private static void publish(String url, int connection, int connections, int devices, long deadline, double rate,
                                AtomicLong published, AtomicLong acked, AtomicLong unrouted, AtomicLong failed) {
        try (MqttWire wire = new MqttWire(url, "bench-publisher-" + connection, acked, unrouted, failed)) {
            long base = System.currentTimeMillis() / 1000 - 23 * 3600;
            long[] counters = new long[devices];
            List<byte[]> topics = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                topics.add(("tele/bench-" + d + "/SENSOR").getBytes(StandardCharsets.UTF_8));
            }
            long start = System.nanoTime();
            long sent = 0;
            for (long i = 0; System.currentTimeMillis() < deadline; i++) {
                String time = Instant.ofEpochSecond(base + i).toString();
                for (int d = connection; d < devices; d += connections) {
                    long power = 200 + (i * 7 + d * 13) % 2500;
                    counters[d] += power;
                    String payload = "{\"Time\":\"" + time + "\",\"MT681\":{\"Total_in\":"
                            + (1000 + counters[d] / 3_600_000.0) + ",\"Power\":" + power + "}}";
                    wire.publish(topics.get(d), payload.getBytes(StandardCharsets.UTF_8));
                    published.incrementAndGet();
                    sent++;
                }
                long ahead = rate <= 0 ? 0 : (long) (sent / rate * 1e9) - (System.nanoTime() - start);
                if (ahead > 1_000_000) {
                    wire.flush();
                    Thread.sleep(ahead / 1_000_000);
                }
            }
        } catch (Exception e) {
            System.err.println("publisher " + connection + " failed: " + e);
        }
    }
}
