package org.energymonitor.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;

/**
 * The git history job (JGit): renders the monthly CSV files into the repository folder, stages only
 * {@code readings/}, and commits when something changed: a new commit per run ({@code append}), or one commit
 * amended every run and force-pushed ({@code rolling}, like the original). Pushes to the remote whenever the branch is
 * ahead of what was last pushed, so a failed push is retried by the next run; push failures alert through
 * {@link Conditions} (start, reminders, recovery).
 */
public final class GitHistory {

    static final String ROLLING = "[rolling] readings ";

    private final Path dir;
    private final MonthlyCsv csv;
    private final String mode;
    private final String branch;
    private final GitRemote remote;
    private final PersonIdent author;
    private final Clock clock;
    private final Conditions conditions;

    public GitHistory(Path dir, MonthlyCsv csv, String mode, String branch, GitRemote remote, PersonIdent author,
                      Clock clock, Conditions conditions) {
        if (!mode.equals("append") && !mode.equals("rolling")) {
            throw new IllegalArgumentException("energy.git.mode must be append or rolling, not " + mode);
        }
        this.dir = dir;
        this.csv = csv;
        this.mode = mode;
        this.branch = branch;
        this.remote = remote;
        this.author = author;
        this.clock = clock;
        this.conditions = conditions;
    }

    public JobResult run() throws Exception {
        List<String> alerts = new ArrayList<>();
        try (Git git = open()) {
            List<String> changed = csv.render(dir);
            git.add().addFilepattern("readings").call();
            String summary;
            if (git.status().call().getUncommittedChanges().isEmpty()) {
                summary = "no changes";
            } else {
                RevCommit c = commit(git);
                summary = (mode.equals("rolling") ? "amended " : "committed ") + c.abbreviate(8).name() + " ("
                        + changed.size() + " files changed)";
            }
            if (remote.configured()) {
                summary += "; " + push(git, alerts);
            }
            return new JobResult(summary, alerts);
        }
    }

    private Git open() throws Exception {
        if (Files.isDirectory(dir.resolve(".git"))) {
            return Git.open(dir.toFile());
        }
        Files.createDirectories(dir);
        return Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call();
    }

    private RevCommit commit(Git git) throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        PersonIdent who = new PersonIdent(author, now, java.time.ZoneOffset.UTC);
        if (mode.equals("append")) {
            return git.commit().setAuthor(who).setCommitter(who).setMessage("Readings up to " + now).call();
        }
        ObjectId head = git.getRepository().resolve("HEAD");
        String last = head == null ? "" : git.getRepository().parseCommit(head).getShortMessage();
        boolean amend = last.startsWith(ROLLING);
        String since = amend ? last.substring(ROLLING.length()).split(" ")[0] : now.toString();
        return git.commit().setAmend(amend).setAuthor(who).setCommitter(who)
                .setMessage(ROLLING + since + " to " + now).call();
    }

    /** Pushes when the branch differs from what the remote last acknowledged; returns a summary part. */
    private String push(Git git, List<String> alerts) throws Exception {
        var config = git.getRepository().getConfig();
        if (!remote.url().equals(config.getString("remote", "origin", "url"))) {
            git.remoteRemove().setRemoteName("origin").call();
            git.remoteAdd().setName("origin").setUri(new URIish(remote.url())).call();
        }
        ObjectId local = git.getRepository().resolve("refs/heads/" + branch);
        ObjectId pushed = git.getRepository().resolve("refs/remotes/origin/" + branch);
        if (local == null || local.equals(pushed)) {
            conditions.observe("push", false, clock.millis(), clock.millis(), 0)
                    .ifPresent(ch -> alerts.add(AlertTexts.push(ch, remote.display(), "")));
            return "remote up to date";
        }
        String error = null;
        try {
            PushCommand push = git.push().setRemote("origin").setTimeout(60)
                    .setRefSpecs(new RefSpec((mode.equals("rolling") ? "+" : "") + "refs/heads/" + branch + ":refs/heads/" + branch));
            remote.apply(push);
            for (PushResult result : push.call()) {
                for (RemoteRefUpdate u : result.getRemoteUpdates()) {
                    if (u.getStatus() != RemoteRefUpdate.Status.OK && u.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        error = u.getStatus() + (u.getMessage() == null ? "" : " " + u.getMessage());
                    }
                }
            }
        } catch (Exception e) {
            error = e.getMessage();
        }
        String err = error;
        conditions.observe("push", err != null, clock.millis(), clock.millis(), 0)
                .ifPresent(ch -> alerts.add(AlertTexts.push(ch, remote.display(), err == null ? "" : err)));
        return err == null ? "pushed to " + remote.display() : "push failed (retried next run): " + err;
    }
}
