package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage faults under a running service, each real: a full file system (a small tmpfs, filled up), another process
 * holding SQLite's write lock, and the database files removed. In each the service holds the readings it cannot
 * write, reports the database DOWN, pauses its MQTT intake (the broker queues), and when the fault clears writes
 * every reading the broker acknowledged. The fault lasts seconds here; {@code -Dfaults.seconds=600} makes it ten
 * minutes (docs/fault-injection.md has those runs).
 */
class StorageFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long FAULT_MS = Long.getLong("faults.seconds", 0) * 1000;

    @TempDir
    Path dir;
    private final Instant base = Instant.now().minus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private int published;

    /** Publishes {@code n} more readings of meter {@code m}, one second apart, each acknowledged by the broker. */
    private void publish(RunningService service, int n) throws Exception {
        for (int i = 0; i < n; i++, published++) {
            service.publish("tele/m/SENSOR", "{\"Time\":\"" + base.plusSeconds(published) + "\",\"MT681\":{\"Total_in\":"
                    + (5000 + published * 0.001) + ",\"Power_cur\":" + (300 + published % 50) + "}}");
        }
    }

    private void awaitAllStored(RunningService service) throws Exception {
        await(WAIT, "all " + published + " acknowledged readings stored",
                () -> service.count("SELECT count(*) FROM readings WHERE meter = 'm'") == published);
        await(WAIT, "health UP and /status ok again", () -> service.api().get("/observe/health").status() == 200
                && service.api().get("/status").body().contains("\"state\":\"ok\""));
        assertTrue(service.api().get("/status").body().contains("\"paused\":false"), "MQTT intake resumed");
        System.out.println("storage fault of " + FAULT_MS / 1000 + " s: " + published + " readings acknowledged by the"
                + " broker, " + service.count("SELECT count(*) FROM readings WHERE meter = 'm'") + " stored, "
                + service.api().get("/observe/health").body());
    }

    private static void awaitHolding(RunningService service) throws Exception {
        await(WAIT, "/status holding readings with the database DOWN", () -> {
            String status = service.api().get("/status").body();
            ApiClient.Answer health = service.api().get("/observe/health");
            return status.contains("\"state\":\"holding\"") && status.contains("\"status\":\"degraded\"")
                    && health.status() == 503 && health.body().contains("\"database\":\"DOWN\"");
        });
    }

    /** While the fault lasts (a few seconds, or {@code faults.seconds}), readings keep arriving at the broker. */
    private void keepPublishingDuringTheFault(RunningService service) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FAULT_MS);
        publish(service, 200);
        while (System.nanoTime() < end) {
            publish(service, 10);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1)); // paces the publisher at 10 readings/s; waits for nothing
        }
    }

    @Test
    void a_full_disk_loses_no_acknowledged_reading() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        mountTmpfs(small, "4m");
        try (RunningService service = new RunningService(dir.resolve("data"),
                Map.of("energy.db.path", small.resolve("energy.db").toString())).start()) {
            publish(service, 1);
            await(WAIT, "the first reading", () -> service.count("SELECT count(*) FROM readings") == 1);
            Path filler = small.resolve("filler");
            fill(filler);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!service.api().get("/status").body().contains("\"state\":\"holding\"")) {
                if (System.nanoTime() > deadline) {
                    fail("the full disk never made a write fail after " + published + " readings");
                }
                publish(service, 100);
            }
            awaitHolding(service);
            keepPublishingDuringTheFault(service);
            Files.delete(filler);
            awaitAllStored(service);
        } finally {
            new ProcessBuilder("umount", "-l", small.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void a_foreign_write_lock_loses_no_acknowledged_reading() throws Exception {
        try (RunningService service = new RunningService(dir, Map.of("energy.db.busy-timeout-ms", "300")).start()) {
            publish(service, 1);
            await(WAIT, "the first reading", () -> service.count("SELECT count(*) FROM readings") == 1);
            try (Connection foreign = DriverManager.getConnection("jdbc:sqlite:" + service.db());
                 Statement st = foreign.createStatement()) {
                st.execute("BEGIN IMMEDIATE"); // SQLite's write lock, held by another connection
                publish(service, 50);
                awaitHolding(service);
                keepPublishingDuringTheFault(service);
                st.execute("ROLLBACK");
            }
            awaitAllStored(service);
        }
    }

    @Test
    void a_removed_database_file_is_rebuilt_with_its_readings_instead_of_a_new_empty_one() throws Exception {
        try (RunningService service = new RunningService(dir, Map.of()).start()) {
            publish(service, 100);
            await(WAIT, "100 readings", () -> service.count("SELECT count(*) FROM readings") == 100);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(service.db() + suffix));
            }
            publish(service, 100);
            awaitAllStored(service);
            assertEquals(200, service.count("SELECT count(*) FROM readings WHERE meter = 'm'"));
            assertEquals(1, service.count("SELECT count(*) FROM meters WHERE meter = 'm'"), "the meters table came back");
        }
    }

    private static void mountTmpfs(Path at, String size) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI runs as root and must be able to mount a tmpfs: " + out);
            }
            Assumptions.abort("cannot mount a tmpfs here (not root?): " + out);
        }
    }

    /** Writes {@code file} until the file system is full. */
    private static void fill(Path file) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }
}
