package org.energymonitor.jobs;

import static org.energymonitor.jobs.GitFixture.BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git history job against a local bare repository as the remote, in both modes. */
class GitHistoryTest {

    @Test
    void append_mode_pushes_one_csv_per_month_and_a_new_commit_only_when_something_changed(@TempDir Path dir)
            throws Exception {
        Path bare = GitFixture.bare(dir, "remote.git");
        try (GitFixture s = new GitFixture(dir, "append", GitFixture.local(bare))) {
            s.insertHours("hall", ZonedDateTime.of(2026, 10, 31, 20, 0, 0, 0, BERLIN), 30);
            JobResult first = s.job.run();
            assertTrue(first.summary().contains("committed") && first.summary().contains("pushed"), first.summary());
            Map<String, String> files = GitFixture.files(bare);
            assertEquals(List.of("readings/hall/2026-10.csv", "readings/hall/2026-11.csv"), List.copyOf(files.keySet()));
            assertEquals(1 + 4, files.get("readings/hall/2026-10.csv").split("\r\n").length, "header + 4 hours");
            assertEquals(1 + 26, files.get("readings/hall/2026-11.csv").split("\r\n").length, "header + 26 hours");
            assertTrue(files.get("readings/hall/2026-11.csv").startsWith("time,timestamp_ms,readings,power_avg_w"));

            assertEquals("no changes; remote up to date", s.job.run().summary());
            assertEquals(1, GitFixture.log(bare).size());

            s.insertHours("hall", ZonedDateTime.of(2026, 11, 2, 2, 0, 0, 0, BERLIN), 2);
            s.clock.now = s.clock.now.plusSeconds(3600);
            assertTrue(s.job.run().summary().contains("(1 files changed)"));
            List<RevCommit> log = GitFixture.log(bare);
            assertEquals(2, log.size(), "append keeps every commit");
            assertEquals(1 + 28, GitFixture.files(bare).get("readings/hall/2026-11.csv").split("\r\n").length);
        }
    }

    @Test
    void rolling_mode_keeps_one_amended_commit_on_the_remote(@TempDir Path dir) throws Exception {
        Path bare = GitFixture.bare(dir, "remote.git");
        try (GitFixture s = new GitFixture(dir, "rolling", GitFixture.local(bare))) {
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, BERLIN), 10);
            s.job.run();
            String firstMessage = GitFixture.log(bare).get(0).getShortMessage();
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 10, 0, 0, 0, BERLIN), 5);
            s.clock.now = s.clock.now.plusSeconds(3600);
            JobResult second = s.job.run();
            assertTrue(second.summary().startsWith("amended"), second.summary());
            List<RevCommit> log = GitFixture.log(bare);
            assertEquals(1, log.size(), "one commit, force-pushed");
            assertEquals(1 + 15, GitFixture.files(bare).get("readings/hall/2026-11.csv").split("\r\n").length);
            String since = firstMessage.substring(GitHistory.ROLLING.length()).split(" ")[0];
            assertEquals(GitHistory.ROLLING + since + " to 2026-11-02T12:00:00Z", log.get(0).getShortMessage());
        }
    }

    @Test
    void a_failed_push_alerts_once_and_is_retried_by_the_next_run(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("not-yet.git");
        try (GitFixture s = new GitFixture(dir, "append", GitFixture.local(missing))) {
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, BERLIN), 3);
            JobResult failed = s.job.run();
            assertTrue(failed.summary().contains("push failed"), failed.summary());
            assertEquals(1, failed.alerts().size());
            assertTrue(failed.alerts().get(0).contains("git push to " + missing.toUri() + " failed"), failed.alerts().get(0));
            assertEquals(0, s.job.run().alerts().size(), "no alert every run");

            Git.init().setBare(true).setDirectory(missing.toFile()).setInitialBranch("main").call().close();
            JobResult retried = s.job.run();
            assertTrue(retried.summary().startsWith("no changes; pushed to file:"), retried.summary());
            assertTrue(retried.alerts().get(0).contains("works again"), retried.alerts().toString());
            assertEquals(1, GitFixture.log(missing).size());
            assertEquals(List.of("readings/hall/2026-11.csv"), List.copyOf(GitFixture.files(missing).keySet()),
                    "nothing but the readings is committed");
        }
    }
}
