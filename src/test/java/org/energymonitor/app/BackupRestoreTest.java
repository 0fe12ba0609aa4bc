package org.energymonitor.app;

import static org.energymonitor.app.RunningService.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.energymonitor.commands.Commands;
import org.energymonitor.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken by the backup job while readings stream in holds every row committed before it began; the
 * {@code restore} command refuses while the service runs and brings the backup back once it is stopped.
 */
class BackupRestoreTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Set<String> keys(Path db) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT meter, ts FROM readings")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "@" + rs.getLong(2));
            }
        }
        return out;
    }

    private static List<Path> backups(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("energy-\\d{8}T\\d{6}Z\\.db")).sorted().toList();
        }
    }

    @Test
    void a_backup_under_running_ingestion_restores_every_row_committed_before_it(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Set<String> before;
        Path backup;
        try (RunningService service = new RunningService(data, Map.of()).start()) {
            AtomicBoolean go = new AtomicBoolean(true);
            AtomicInteger published = new AtomicInteger();
            long start = Instant.now().minus(Duration.ofHours(20)).getEpochSecond();
            Thread publisher = new Thread(() -> {
                try {
                    for (int i = 0; go.get(); i++) {
                        service.publish("tele/busy/SENSOR", "{\"Time\":\"" + Instant.ofEpochSecond(start + i)
                                + "\",\"MT681\":{\"Total_in\":" + (1000 + i * 0.001) + ",\"Power\":" + (200 + i % 50) + "}}");
                        published.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            publisher.start();
            await(WAIT, "rows arriving", () -> service.count("SELECT count(*) FROM readings") > 500);
            before = keys(service.db());
            JsonNode job = Jobs.fire(service, "backup");
            assertTrue(job.get("ok").asBoolean(), job.toString());
            await(WAIT, "more rows after the backup", () -> service.count("SELECT count(*) FROM readings") > before.size() + 500);
            go.set(false);
            publisher.join();
            List<Path> files = backups(data.resolve("backups"));
            assertEquals(1, files.size(), files.toString());
            backup = files.get(0);
            assertEquals(2, restore(dir, backup), "restore refuses while the service runs");
        }
        Set<String> after = keys(data.resolve("energy.db"));
        assertTrue(after.size() > before.size() + 500);

        assertEquals(0, restore(dir, backup));
        Set<String> restored = keys(data.resolve("energy.db"));
        assertTrue(restored.containsAll(before), "every row committed before the backup is in it");
        assertTrue(after.containsAll(restored), "and nothing that was never committed");
        assertTrue(restored.size() < after.size(), "the rows written after the backup are not");
        try (Stream<Path> files = Files.list(data)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("energy.db.before-restore-")),
                    "the replaced database is kept");
        }
        // another topic filter = another persistent session, so messages still queued for the first service's
        // session cannot arrive and change the count while it is checked
        try (RunningService again = new RunningService(data, Map.of("energy.mqtt.topics", "restored/+/SENSOR")).start()) {
            assertEquals(restored.size(), again.api().get("/status").json().get("readings_total").asLong(),
                    "the service runs on the restored database");
        }
    }

    @Test
    void a_database_that_lost_its_readings_is_not_backed_up_and_the_good_backup_is_kept(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("data");
        try (RunningService service = new RunningService(data, Map.of("energy.backup.keep", "1")).start()) {
            long start = Instant.now().minus(Duration.ofHours(20)).getEpochSecond();
            for (int i = 0; i < 100; i++) {
                service.publish("tele/lost/SENSOR", "{\"Time\":\"" + Instant.ofEpochSecond(start + i)
                        + "\",\"MT681\":{\"Total_in\":" + (1000 + i * 0.001) + ",\"Power\":200}}");
            }
            await(WAIT, "100 readings", () -> service.count("SELECT count(*) FROM readings") == 100);
            assertTrue(Jobs.fire(service, "backup").get("ok").asBoolean());
            List<Path> good = backups(data.resolve("backups"));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + service.db());
                 Statement s = c.createStatement()) {
                s.execute("DELETE FROM readings WHERE ts < " + (start + 90) * 1000); // 90 of the 100 readings gone
            }
            JsonNode refused = Jobs.fire(service, "backup");
            assertFalse(refused.get("ok").asBoolean(), refused.toString());
            assertTrue(refused.toString().contains("no backup taken"), refused.toString());
            assertEquals(good, backups(data.resolve("backups")), "keep = 1 deleted nothing for the bad copy");
        }
    }

    private static int restore(Path dir, Path backup) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("application.properties"), "energy.data.dir = "
                + dir.resolve("data").toString().replace("\\", "/") + "\n");
        return new Commands(Settings.load(work)).run("restore", List.of(backup.toString()));
    }
}
