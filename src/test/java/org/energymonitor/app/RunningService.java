package org.energymonitor.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The real service for a test: the real routes/ folder, a temporary data folder, free ports, and a publishing
 * MQTT client; plus SQL look-ups on the real SQLite file.
 */
public final class RunningService implements AutoCloseable {

    /** A Quartz cron expression that does not fire before 2099. */
    public static final String NEVER = "0 0 0 1 1 ? 2099";

    private final Path dataDir;
    private final Map<String, String> overrides;
    private Service service;
    private CamelContext context;
    private MqttClient publisher;

    public RunningService(Path dataDir, Map<String, String> extra) {
        this.dataDir = dataDir;
        this.overrides = new HashMap<>();
        overrides.put("energy.data.dir", dataDir.toString());
        overrides.put("energy.mqtt.embedded.port", Integer.toString(freePort()));
        overrides.put("energy.http.port", Integer.toString(freePort()));
        overrides.put("energy.timezone", "Europe/Berlin");
        overrides.put("energy.routes.dir", dataDir.resolveSibling("routes.d").toString()); // none unless a test writes some
        overrides.put("energy.ingest.batch-ms", "100");
        for (String job : ProductJobs.names()) {
            // tests fire jobs through their triggers; a run by the clock in the middle of a test would be a second run
            overrides.put("energy.jobs." + job + ".cron", NEVER);
        }
        overrides.putAll(extra);
    }

    /**
     * The class path for a child JVM: surefire's without its empty entries. An empty entry is the working directory,
     * whose routes/ folder would be found as classpath:routes a second time (the service's jar has no such entry).
     */
    public static String childClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same service configuration on another data folder's state: for restarts. */
    public Map<String, String> overrides() {
        return Map.copyOf(overrides);
    }

    public RunningService start() throws Exception {
        service = new Service(overrides);
        context = service.start();
        return this;
    }

    public void stop() throws Exception {
        if (publisher != null) {
            if (publisher.isConnected()) {
                publisher.disconnect();
            }
            publisher.close();
            publisher = null;
        }
        if (service != null) {
            service.stop();
            service = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public CamelContext context() {
        return context;
    }

    public String brokerUrl() {
        return context.getPropertiesComponent().resolveProperty("energy.mqtt.broker-url").orElseThrow();
    }

    /** The HTTP port of the dashboard and the API. */
    public int httpPort() {
        return context.getRegistry().lookupByNameAndType("webServer", org.energymonitor.web.WebServer.class).port();
    }

    public ApiClient api() {
        return new ApiClient(httpPort());
    }

    public Path db() {
        String path = overrides.get("energy.db.path");
        return path == null ? dataDir.resolve("energy.db") : Path.of(path);
    }

    public void publish(String topic, String payload) throws Exception {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    public void publish(String topic, byte[] payload) throws Exception {
        if (publisher != null && !publisher.isConnected()) {
            publisher.close();
            publisher = null;
        }
        if (publisher == null) {
            publisher = new MqttClient(brokerUrl(), "test-publisher-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            publisher.connect(options);
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        PahoPublish.withRetry(publisher, topic, message);
    }

    /** Rows of a query on the real database file, each as column name to value. */
    public List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        SQLiteConfig noCreate = new SQLiteConfig();
        noCreate.resetOpenMode(SQLiteOpenMode.CREATE); // a look-up never creates a removed database file
        try (Connection c = noCreate.createConnection("jdbc:sqlite:" + db());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    public long count(String sql, Object... params) throws SQLException {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    /**
     * Instead of sleeping for "nothing more happens": publishes a reading of a marker meter and waits for its row.
     * One MQTT session delivers in order, so every message published before it has been handled by then.
     */
    public void awaitEarlierMessages() throws Exception {
        String marker = "marker_" + System.nanoTime();
        publish("tele/" + marker + "/SENSOR", "{\"MT681\":{\"Total_in\":1.0,\"Power\":1}}");
        await(Duration.ofSeconds(60), "the marker reading " + marker,
                () -> count("SELECT count(*) FROM readings WHERE meter = ?", marker) == 1);
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    public static void await(Duration timeout, String what, CheckedCondition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what, last);
    }

    @FunctionalInterface
    public interface CheckedCondition {
        boolean holds() throws Exception;
    }

}
