package org.energymonitor.jobs;

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
import org.energymonitor.store.Database;
import org.energymonitor.store.MetersTable;
import org.energymonitor.store.TestReadings;

/**
 * What the git history tests share: a temporary database, the real job on a clock the test moves, and readers for
 * the remote's branch. The job's repository is {@code history/} in the given folder.
 */
final class GitFixture implements AutoCloseable {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final long HOUR = 3_600_000L;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now;

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

    final Database db;
    final TestClock clock;
    final Path history;
    final GitHistory job;

    GitFixture(Path dir, String mode, GitRemote remote) throws Exception {
        db = new Database(dir.resolve("energy.db"), BERLIN).migrate();
        clock = new TestClock(ZonedDateTime.of(2026, 11, 2, 12, 0, 0, 0, BERLIN).toInstant());
        history = dir.resolve("history");
        job = job(mode, remote);
    }

    /** Another job on the same database, clock and repository: the service restarted with another configuration. */
    GitHistory job(String mode, GitRemote remote) {
        ExportQuery export = new ExportQuery(db, new RangeParameters(new MeterChoice(new MetersTable()), clock), BERLIN);
        return new GitHistory(history, new MonthlyCsv(db, export, BERLIN, clock, "hour", 2), mode, "main", remote,
                new PersonIdent("Energy Monitor", "energy-monitor@localhost"), clock, new Conditions(HOUR, 24 * HOUR));
    }

    /** A remote that is a local path (no credentials). */
    static GitRemote local(Path bare) {
        return new GitRemote(bare.toUri().toString(), "git", "", null, null, null);
    }

    /** Ten-minute readings of one meter for the given hours. */
    void insertHours(String meter, ZonedDateTime from, int hours) throws Exception {
        List<Reading> rows = new ArrayList<>();
        long start = from.toInstant().toEpochMilli();
        for (int i = 0; i < hours * 6; i++) {
            rows.add(Reading.of(meter, start + i * 600_000L, 300.0, 1000 + i * 0.05, 0.0));
        }
        try (Connection c = db.connection()) {
            TestReadings.insertAll(c, rows);
            new MetersTable().recordReadings(c, meter, rows.get(0).ts(), rows.get(rows.size() - 1).ts(), start);
        }
    }

    /** A new bare repository {@code <name>} in the folder, branch main. */
    static Path bare(Path dir, String name) throws Exception {
        Path bare = dir.resolve(name);
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        return bare;
    }

    /** The files of a repository's main branch, path to content. */
    static Map<String, String> files(Path repository) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Repository repo = Git.open(repository.toFile()).getRepository(); RevWalk walk = new RevWalk(repo);
             TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(repo.resolve("refs/heads/main")).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                out.put(tree.getPathString(), new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The commit of a repository's main branch, null when it has none. */
    static ObjectId bareHead(Path repository) throws Exception {
        try (Git git = Git.open(repository.toFile())) {
            return git.getRepository().resolve("refs/heads/main");
        }
    }

    /** The commits of a repository's main branch, newest first. */
    static List<RevCommit> log(Path repository) throws Exception {
        List<RevCommit> out = new ArrayList<>();
        try (Git git = Git.open(repository.toFile())) {
            git.log().add(git.getRepository().resolve("refs/heads/main")).call().forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        db.close();
    }
}
