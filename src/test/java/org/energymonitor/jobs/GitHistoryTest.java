package org.energymonitor.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.energymonitor.ingest.Reading;
import org.energymonitor.query.ExportQuery;
import org.energymonitor.query.MeterChoice;
import org.energymonitor.query.RangeParameters;
import org.energymonitor.query.TimeParameter;
import org.energymonitor.store.Database;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.ReadingsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git history job against a local bare repository as the remote, in both modes. */
class GitHistoryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long HOUR = 3_600_000L;

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return BERLIN;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Setup(Database db, GitHistory job, TestClock clock, Path bare) {
    }

    private static Setup setup(Path dir, String mode, Path bare) throws Exception {
        Database db = new Database(dir.resolve("energy.db"), BERLIN).migrate();
        TestClock clock = new TestClock(ZonedDateTime.of(2026, 11, 2, 12, 0, 0, 0, BERLIN).toInstant());
        ExportQuery export = new ExportQuery(db, new RangeParameters(new TimeParameter(BERLIN),
                new MeterChoice(new MetersTable()), clock), BERLIN);
        GitHistory job = new GitHistory(dir.resolve("history"), new MonthlyCsv(db, export, BERLIN, clock, "hour", 2),
                mode, "main", new GitRemote(bare.toUri().toString(), "git", "", null, null),
                new PersonIdent("Energy Monitor", "energy-monitor@localhost"), clock, new Conditions(HOUR, 24 * HOUR));
        return new Setup(db, job, clock, bare);
    }

    private static void insertHours(Database db, String meter, ZonedDateTime from, int hours) throws Exception {
        List<Reading> rows = new ArrayList<>();
        long start = from.toInstant().toEpochMilli();
        for (int i = 0; i < hours * 6; i++) {
            rows.add(Reading.of(meter, start + i * 600_000L, 300.0, 1000 + i * 0.05, 0.0));
        }
        try (Connection c = db.connection()) {
            new ReadingsTable().insertAll(c, rows);
            new MetersTable().recordReadings(c, meter, rows.get(0).ts(), rows.get(rows.size() - 1).ts(), start);
        }
    }

    /** The files of the remote's main branch, path to content. */
    private static Map<String, String> remoteFiles(Path bare) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Repository repo = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repo);
             TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                out.put(tree.getPathString(), new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static List<RevCommit> remoteLog(Path bare) throws Exception {
        List<RevCommit> out = new ArrayList<>();
        try (Git git = Git.open(bare.toFile())) {
            git.log().add(git.getRepository().resolve("refs/heads/main")).call().forEach(out::add);
        }
        return out;
    }

    private static Path bare(Path dir) throws Exception {
        Path bare = dir.resolve("remote.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        return bare;
    }

    @Test
    void append_mode_pushes_one_csv_per_month_and_a_new_commit_only_when_something_changed(@TempDir Path dir)
            throws Exception {
        Setup s = setup(dir, "append", bare(dir));
        try (Database db = s.db()) {
            insertHours(db, "hall", ZonedDateTime.of(2026, 10, 31, 20, 0, 0, 0, BERLIN), 30);
            JobResult first = s.job().run();
            assertTrue(first.summary().contains("committed") && first.summary().contains("pushed"), first.summary());
            Map<String, String> files = remoteFiles(s.bare());
            assertEquals(List.of("readings/hall/2026-10.csv", "readings/hall/2026-11.csv"), List.copyOf(files.keySet()));
            assertEquals(1 + 4, files.get("readings/hall/2026-10.csv").split("\r\n").length, "header + 4 hours");
            assertEquals(1 + 26, files.get("readings/hall/2026-11.csv").split("\r\n").length, "header + 26 hours");
            assertTrue(files.get("readings/hall/2026-11.csv").startsWith("time,timestamp_ms,readings,power_avg_w"));

            assertEquals("no changes; remote up to date", s.job().run().summary());
            assertEquals(1, remoteLog(s.bare()).size());

            insertHours(db, "hall", ZonedDateTime.of(2026, 11, 2, 2, 0, 0, 0, BERLIN), 2);
            s.clock().now = s.clock().now.plusSeconds(3600);
            assertTrue(s.job().run().summary().contains("(1 files changed)"));
            List<RevCommit> log = remoteLog(s.bare());
            assertEquals(2, log.size(), "append keeps every commit");
            assertEquals(1 + 28, remoteFiles(s.bare()).get("readings/hall/2026-11.csv").split("\r\n").length);
        }
    }

    @Test
    void rolling_mode_keeps_one_amended_commit_on_the_remote(@TempDir Path dir) throws Exception {
        Setup s = setup(dir, "rolling", bare(dir));
        try (Database db = s.db()) {
            insertHours(db, "hall", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, BERLIN), 10);
            s.job().run();
            String firstMessage = remoteLog(s.bare()).get(0).getShortMessage();
            insertHours(db, "hall", ZonedDateTime.of(2026, 11, 1, 10, 0, 0, 0, BERLIN), 5);
            s.clock().now = s.clock().now.plusSeconds(3600);
            JobResult second = s.job().run();
            assertTrue(second.summary().startsWith("amended"), second.summary());
            List<RevCommit> log = remoteLog(s.bare());
            assertEquals(1, log.size(), "one commit, force-pushed");
            assertEquals(1 + 15, remoteFiles(s.bare()).get("readings/hall/2026-11.csv").split("\r\n").length);
            String since = firstMessage.substring(GitHistory.ROLLING.length()).split(" ")[0];
            assertEquals(GitHistory.ROLLING + since + " to 2026-11-02T12:00:00Z", log.get(0).getShortMessage());
        }
    }

    @Test
    void a_failed_push_alerts_once_and_is_retried_by_the_next_run(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("not-yet.git");
        Setup s = setup(dir, "append", missing);
        try (Database db = s.db()) {
            insertHours(db, "hall", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, BERLIN), 3);
            JobResult failed = s.job().run();
            assertTrue(failed.summary().contains("push failed"), failed.summary());
            assertEquals(1, failed.alerts().size());
            assertTrue(failed.alerts().get(0).contains("git push to " + missing.toUri() + " failed"), failed.alerts().get(0));
            assertEquals(0, s.job().run().alerts().size(), "no alert every run");

            Git.init().setBare(true).setDirectory(missing.toFile()).setInitialBranch("main").call().close();
            JobResult retried = s.job().run();
            assertTrue(retried.summary().startsWith("no changes; pushed to file:"), retried.summary());
            assertTrue(retried.alerts().get(0).contains("works again"), retried.alerts().toString());
            assertEquals(1, remoteLog(missing).size());
            assertEquals(List.of("readings/hall/2026-11.csv"), List.copyOf(remoteFiles(missing).keySet()),
                    "nothing but the readings is committed");
        }
    }
}
