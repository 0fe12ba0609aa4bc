package org.energymonitor.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Many dashboard clients polling {@code /api/readings?after=} in a loop while readings arrive over MQTT at a fixed
 * rate, spread over 100 devices; reports the latency percentiles and every failed request.
 */
final class BenchLoad {

    private static final int DEVICES = 100;
    /** Publishing threads, each with its own connection: one synchronous QoS 1 client manages only a few hundred/s. */
    private static final int PUBLISHERS = 4;
    private final BenchHttp http;
    private final String brokerUrl;
    private final String meter;

    BenchLoad(BenchHttp http, String brokerUrl, String meter) {
        this.http = http;
        this.brokerUrl = brokerUrl;
        this.meter = meter;
    }

    String run(int clients, int seconds, int perSecond) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong published = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> publishers = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            int first = i;
            Thread t = new Thread(() -> publish(first, deadline, perSecond / PUBLISHERS, published, errors),
                    "bench-load-publisher-" + i);
            t.start();
            publishers.add(t);
        }
        List<Thread> pollers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String device = c % 2 == 0 ? meter : "bench-dev-" + (c % DEVICES);
            Thread t = new Thread(() -> poll(device, deadline, latencies, errors), "bench-load-client-" + c);
            t.start();
            pollers.add(t);
        }
        for (Thread t : publishers) {
            t.join();
        }
        for (Thread t : pollers) {
            t.join();
        }
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (ms.length == 0) {
            return "| " + clients + " clients polling: no request completed | 0 | - | - | - | - | MISSED |";
        }
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "| %d clients polling `after` for %d s while %,d readings/s arrive "
                        + "(%,d requests, %,d published, %d errors) | %d | %.1f | %.1f | %.1f | - | no errors %s |",
                clients, seconds, perSecond, ms.length, published.get(), errors.get(), ms.length, ms[ms.length / 2],
                BenchHttp.percentile(ms, 0.99), ms[ms.length - 1], errors.get() == 0 ? "met" : "MISSED");
    }

    private void poll(String device, long deadline, ConcurrentLinkedQueue<Double> latencies, AtomicLong errors) {
        while (System.currentTimeMillis() < deadline) {
            try {
                long after = System.currentTimeMillis() - 10_000;
                BenchHttp.Timing t = http.get("/api/readings?meter=" + device + "&after=" + after);
                if (t.status() == 200 || t.status() == 400) {
                    latencies.add(t.ms());
                } else {
                    errors.incrementAndGet();
                }
                Thread.sleep(100);
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        }
    }

    private void publish(int offset, long deadline, int perSecond, AtomicLong published, AtomicLong errors) {
        try {
            MqttClient client = new MqttClient(brokerUrl, "bench-load-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options);
            long start = System.currentTimeMillis();
            long n = 0;
            while (System.currentTimeMillis() < deadline) {
                long due = start + n * 1000 / perSecond;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                int device = (int) ((n * PUBLISHERS + offset) % DEVICES);
                double counter = 1000 + n * PUBLISHERS / (double) DEVICES * 0.001;
                MqttMessage m = new MqttMessage(("{\"MT681\":{\"Total_in\":" + counter + ",\"Power_cur\":"
                        + (200 + device) + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                m.setQos(1);
                client.publish("tele/bench-dev-" + device + "/SENSOR", m);
                published.incrementAndGet();
                n++;
            }
            client.disconnect();
            client.close();
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }
}
