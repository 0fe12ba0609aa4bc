package org.energymonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.energymonitor.mqtt.BrokerSettings;
import org.energymonitor.mqtt.EmbeddedBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as a real child process, killed or stopped while a publisher sends at full speed and counts what the
 * broker acknowledged; then restarted on the same data folder (the broker, the test's own, stays up).
 */
class CrashRestartTest {

    private static final int BATCH = 1000;
    @TempDir
    Path dir;
    private EmbeddedBroker broker;
    private String url;

    @BeforeEach
    void broker() throws Exception {
        int port = RunningService.freePort();
        broker = new EmbeddedBroker(new BrokerSettings("127.0.0.1", port, dir.resolve("broker"), 1_000_000, "", ""));
        broker.start();
        url = "tcp://127.0.0.1:" + port;
    }

    @AfterEach
    void stopBroker() {
        broker.stop();
    }

    private Process child(String name) throws Exception {
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", RunningService.childClassPath(),
                "-Denergy.data.dir=" + dir.resolve("data"), "-Denergy.mqtt.url=" + url,
                "-Denergy.http.port=" + RunningService.freePort(), "-Denergy.mqtt.topics=tele/+/+",
                "-Denergy.ingest.batch-size=" + BATCH, "org.energymonitor.app.EnergyMonitor"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(log).contains("MQTT subscribed to tele/+/+")) {
            if (System.currentTimeMillis() > deadline || !p.isAlive()) {
                throw new AssertionError("the service did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return p;
    }

    /** Publishes readings with distinct times at QoS 1 until stopped; counts the acknowledged ones. */
    private Thread publisher(AtomicBoolean running, AtomicLong acked) {
        Thread t = new Thread(() -> {
            try {
                MqttClient client = new MqttClient(url, "crash-publisher", new MemoryPersistence());
                client.connect();
                // a second apart, from 20 h ago: 72,000 messages before the times run past now (4 h ran out at 14,520)
                long base = Instant.now().minusSeconds(20 * 3600).getEpochSecond();
                for (long i = 0; running.get(); i++) {
                    String payload = "{\"Time\":\"" + Instant.ofEpochSecond(base + i) + "\",\"MT681\":{\"Total_in\":"
                            + (100 + i * 0.0001) + ",\"Power\":360}}";
                    MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
                    m.setQos(1);
                    client.publish("tele/crash/SENSOR", m);
                    acked.incrementAndGet();
                }
                client.disconnect();
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/energy.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    private String integrity() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/energy.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.getString(1);
        }
    }

    /**
     * The rows of meter crash once the restarted service has taken everything the broker kept for its session: a
     * marker reading published now queues behind those messages, so when its row is there, they were handled.
     */
    private long settle() throws Exception {
        MqttClient client = new MqttClient(url, "crash-marker", new MemoryPersistence());
        client.connect();
        MqttMessage m = new MqttMessage("{\"MT681\":{\"Total_in\":1.0,\"Power\":1}}".getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        client.publish("tele/crash-marker/SENSOR", m);
        client.disconnect();
        client.close();
        RunningService.await(Duration.ofMinutes(2), "the marker reading",
                () -> count("SELECT count(*) FROM readings WHERE meter = 'crash-marker'") == 1);
        return count("SELECT count(*) FROM readings WHERE meter = 'crash'");
    }

    private long runAndInterrupt(boolean kill) throws Exception {
        Process service = child("first");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong acked = new AtomicLong();
        Thread pub = publisher(running, acked);
        // interrupted mid-stream: once a thousand readings are stored while the publisher goes on (counted, not timed)
        RunningService.await(Duration.ofMinutes(2), "a thousand readings stored while publishing",
                () -> count("SELECT count(*) FROM readings WHERE meter = 'crash'") >= 1000 && pub.isAlive());
        if (kill) {
            service.destroyForcibly();
        } else {
            service.destroy();
        }
        assertTrue(service.waitFor(30, TimeUnit.SECONDS));
        long atStop = acked.get();
        // and while it is down, the broker keeps what arrives for its session
        RunningService.await(Duration.ofMinutes(2), "500 readings published while the service is down",
                () -> acked.get() >= atStop + 500);
        running.set(false);
        pub.join();
        assertEquals("ok", integrity(), "the database survives");
        Process again = child("second");
        try {
            long rows = settle();
            long lost = acked.get() - rows;
            System.out.printf("%s at full speed: %d acknowledged by the broker, %d stored, %d lost%n",
                    kill ? "SIGKILL" : "SIGTERM", acked.get(), rows, lost);
            return lost;
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void after_sigkill_the_database_is_intact_and_at_most_the_unflushed_batch_is_lost() throws Exception {
        long lost = runAndInterrupt(true);
        assertTrue(lost >= 0 && lost <= BATCH, "lost " + lost + " readings, more than one batch window");
    }

    @Test
    void after_a_graceful_stop_nothing_is_lost() throws Exception {
        assertEquals(0, runAndInterrupt(false));
    }
}
