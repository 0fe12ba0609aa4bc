package org.energymonitor.jobs;

import static org.energymonitor.jobs.GitFixture.BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The two modes pushed through some remote, checked on the bare repository behind it: the same commits as the job's
 * repository, the month files with the right rows, and the history each mode promises.
 */
final class PushChecks {

    private PushChecks() {
    }

    /** Append: two runs with new readings leave two commits on the remote, the second a child of the first. */
    static void appendPushesEveryCommit(Path dir, GitRemote remote, Path bare) throws Exception {
        try (GitFixture s = new GitFixture(dir, "append", remote)) {
            s.insertHours("hall", ZonedDateTime.of(2026, 10, 31, 20, 0, 0, 0, BERLIN), 30);
            JobResult first = s.job.run();
            assertTrue(first.summary().endsWith("pushed to " + remote.display()), first.summary());
            assertEquals(List.of(), first.alerts());
            Map<String, String> files = GitFixture.files(bare);
            assertEquals(List.of("readings/hall/2026-10.csv", "readings/hall/2026-11.csv"), List.copyOf(files.keySet()));
            assertEquals(1 + 4, files.get("readings/hall/2026-10.csv").split("\r\n").length, "header + 4 hours");
            assertEquals(1 + 26, files.get("readings/hall/2026-11.csv").split("\r\n").length, "header + 26 hours");

            s.insertHours("hall", ZonedDateTime.of(2026, 11, 2, 2, 0, 0, 0, BERLIN), 2);
            s.clock.now = s.clock.now.plusSeconds(3600);
            JobResult second = s.job.run();
            assertTrue(second.summary().contains("(1 files changed); pushed to "), second.summary());
            List<RevCommit> log = GitFixture.log(bare);
            assertEquals(ids(GitFixture.log(s.history)), ids(log), "the remote has the job's commits");
            assertEquals(2, log.size(), "append keeps every commit");
            assertEquals(log.get(1), log.get(0).getParent(0));
            assertEquals(GitFixture.files(s.history), GitFixture.files(bare));
            assertEquals(1 + 28, GitFixture.files(bare).get("readings/hall/2026-11.csv").split("\r\n").length);
        }
    }

    /** Rolling: the second run amends the first commit and force-pushes it, so the remote holds one commit. */
    static void rollingForcePushesOneCommit(Path dir, GitRemote remote, Path bare) throws Exception {
        try (GitFixture s = new GitFixture(dir, "rolling", remote)) {
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, BERLIN), 10);
            assertTrue(s.job.run().summary().endsWith("pushed to " + remote.display()));
            RevCommit first = GitFixture.log(bare).get(0);
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 10, 0, 0, 0, BERLIN), 5);
            s.clock.now = s.clock.now.plusSeconds(3600);
            JobResult second = s.job.run();
            assertTrue(second.summary().startsWith("amended") && second.summary().endsWith("pushed to " + remote.display()),
                    second.summary());
            List<RevCommit> log = GitFixture.log(bare);
            assertEquals(ids(GitFixture.log(s.history)), ids(log), "the remote has the job's amended commit");
            assertEquals(1, log.size(), "one commit, force-pushed");
            assertTrue(!log.get(0).equals(first), "the first commit was replaced");
            assertEquals(1 + 15, GitFixture.files(bare).get("readings/hall/2026-11.csv").split("\r\n").length);
            assertTrue(log.get(0).getShortMessage().startsWith(GitHistory.ROLLING), log.get(0).getShortMessage());
        }
    }

    private static List<String> ids(List<RevCommit> log) {
        return log.stream().map(RevCommit::name).toList();
    }
}
