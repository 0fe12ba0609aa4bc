package org.energymonitor.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The publishing side of {@code bench-ingest}, run in its own process: many simulated devices publish Tasmota SENSOR
 * messages with distinct timestamps at QoS 1 as fast as the broker acknowledges them, never more in flight than
 * the broker's receive maximum. Prints one line: {@code published=N acked=N failed=N first=ms last=ms}.
 * Arguments: URL DEVICES SECONDS CONNECTIONS.
 */
public final class BenchPublisher {

    public int run(List<String> args) throws Exception {
        String url = args.get(0);
        int devices = Integer.parseInt(args.get(1));
        long seconds = Long.parseLong(args.get(2));
        int connections = Integer.parseInt(args.get(3));
        AtomicLong published = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long first = System.currentTimeMillis();
        long deadline = first + seconds * 1000;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Thread t = new Thread(() -> publish(url, connection, connections, devices, deadline, published, acked, failed));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("published=%d acked=%d failed=%d first=%d last=%d%n",
                published.get(), acked.get(), failed.get(), first, System.currentTimeMillis());
        return 0;
    }

    private static void publish(String url, int connection, int connections, int devices, long deadline,
                                AtomicLong published, AtomicLong acked, AtomicLong failed) {
        try {
            MqttAsyncClient client = new MqttAsyncClient(url, "bench-publisher-" + connection, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            IMqttToken connect = client.connect(options);
            connect.waitForCompletion(10_000);
            Integer serverMax = connect.getResponseProperties() == null ? null
                    : connect.getResponseProperties().getReceiveMaximum();
            int window = Math.max(1, Math.min(serverMax == null ? 20 : serverMax, 1000) - 1);
            Semaphore inFlight = new Semaphore(window);
            MqttActionListener done = new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    acked.incrementAndGet();
                    inFlight.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    failed.incrementAndGet();
                    inFlight.release();
                }
            };
            long base = System.currentTimeMillis() / 1000 - 23 * 3600;
            long[] counters = new long[devices];
            for (long i = 0; System.currentTimeMillis() < deadline; i++) {
                for (int d = connection; d < devices; d += connections) {
                    long power = 200 + (i * 7 + d * 13) % 2500;
                    counters[d] += power;
                    String payload = "{\"Time\":\"" + Instant.ofEpochSecond(base + i) + "\",\"MT681\":{\"Total_in\":"
                            + (1000 + counters[d] / 3_600_000.0) + ",\"Power\":" + power + "}}";
                    MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
                    m.setQos(1);
                    inFlight.acquire();
                    client.publish("tele/bench-" + d + "/SENSOR", m, null, done);
                    published.incrementAndGet();
                }
            }
            inFlight.acquire(window);
            client.disconnect().waitForCompletion(10_000);
            client.close();
        } catch (Exception e) {
            System.err.println("publisher " + connection + " failed: " + e);
        }
    }
}
