package org.energymonitor.jobs;

import static org.energymonitor.jobs.GitFixture.BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The git history job pushing over HTTPS with a token to a local git host ({@link GitHttpsServer}: Basic
 * authentication in front of {@code git http-backend}) whose self-signed certificate is trusted through
 * {@code energy.git.https.ca-file} alone.
 */
class GitHttpsRemoteTest {

    private static final String TOKEN = "tok-3f9a1c7e5b2d";
    private static final String WRONG = "tok-0000wrong0000";

    private static GitRemote remote(GitHttpsServer server, String token, Path caFile) {
        return new GitRemote(server.url("remote.git"), "energy", token, null, null, caFile);
    }

    @Test
    void append_mode_pushes_every_commit_over_https_with_the_token(@TempDir Path dir) throws Exception {
        try (GitHttpsServer server = new GitHttpsServer(dir, "energy", TOKEN)) {
            Path bare = GitFixture.bare(dir, "remote.git");
            PushChecks.appendPushesEveryCommit(dir, remote(server, TOKEN, server.caFile()), bare);
            assertFalse(Files.readString(dir.resolve("history/.git/config")).contains(TOKEN), "the token stays out of git");
        }
    }

    @Test
    void rolling_mode_force_pushes_its_amended_commit_over_https(@TempDir Path dir) throws Exception {
        try (GitHttpsServer server = new GitHttpsServer(dir, "energy", TOKEN)) {
            Path bare = GitFixture.bare(dir, "remote.git");
            PushChecks.rollingForcePushesOneCommit(dir, remote(server, TOKEN, server.caFile()), bare);
        }
    }

    @Test
    void a_wrong_token_fails_the_push_without_showing_it_and_the_right_one_pushes_what_waited(@TempDir Path dir)
            throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (GitHttpsServer server = new GitHttpsServer(dir, "energy", TOKEN);
             GitFixture s = new GitFixture(dir, "append", remote(server, WRONG, server.caFile()))) {
            Path bare = GitFixture.bare(dir, "remote.git");
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, BERLIN), 3);
            JobResult refused = s.job.run();
            assertTrue(refused.summary().contains("push failed (retried next run)")
                    && refused.summary().contains("not authorized"), refused.summary());
            assertEquals(1, refused.alerts().size());
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 3, 0, 0, 0, BERLIN), 2);
            s.clock.now = s.clock.now.plusSeconds(600);
            JobResult still = s.job.run();
            assertTrue(still.summary().startsWith("committed") && still.summary().contains("push failed"), still.summary());
            assertEquals(List.of(), still.alerts(), "one alert, not one per run (a reminder comes after an hour)");
            assertNull(GitFixture.bareHead(bare), "nothing reached the remote");
            for (String shown : List.of(refused.summary(), refused.alerts().get(0), still.summary())) {
                assertFalse(shown.contains(WRONG) || shown.contains(TOKEN), shown);
            }

            JobResult fixed = s.job("append", remote(server, TOKEN, server.caFile())).run();
            assertTrue(fixed.summary().startsWith("no changes; pushed to https://127.0.0.1:"), fixed.summary());
            assertEquals(GitFixture.log(s.history), GitFixture.log(bare), "both commits made while the push failed");
            assertEquals(2, GitFixture.log(bare).size());
            String config = Files.readString(dir.resolve("history/.git/config"));
            assertFalse(config.contains(TOKEN) || config.contains(WRONG), config);
        } finally {
            root.detachAppender(logs);
        }
        for (ILoggingEvent e : logs.list) {
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(text.contains(TOKEN) || text.contains(WRONG), "logged: " + text);
        }
    }

    @Test
    void without_the_ca_file_the_self_signed_server_is_not_trusted(@TempDir Path dir) throws Exception {
        try (GitHttpsServer server = new GitHttpsServer(dir, "energy", TOKEN);
             GitFixture s = new GitFixture(dir, "append", remote(server, TOKEN, null))) {
            Path bare = GitFixture.bare(dir, "remote.git");
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, BERLIN), 3);
            JobResult untrusted = s.job.run();
            assertTrue(untrusted.summary().contains("push failed") && untrusted.summary().contains("SSL problems"),
                    untrusted.summary());
            assertEquals(1, untrusted.alerts().size());
            assertNull(GitFixture.bareHead(bare));
        }
    }

    @Test
    void a_token_in_the_remote_url_or_a_missing_ca_file_is_refused_at_start_up(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GitRemote(
                "https://energy:" + TOKEN + "@git.example.org/me/history.git", "git", "", null, null, null));
        assertTrue(e.getMessage().contains("energy.git.token") && !e.getMessage().contains(TOKEN), e.getMessage());
        IllegalArgumentException ca = assertThrows(IllegalArgumentException.class, () -> new GitRemote(
                "https://git.example.org/me/history.git", "git", TOKEN, null, null, dir.resolve("missing.pem")));
        assertTrue(ca.getMessage().startsWith("energy.git.https.ca-file "), ca.getMessage());
    }
}
