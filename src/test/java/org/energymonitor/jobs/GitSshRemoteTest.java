package org.energymonitor.jobs;

import static org.energymonitor.jobs.GitFixture.BERLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git history job pushing over SSH (JGit's Apache MINA client, key file and known_hosts from the configuration) to
 * Debian's OpenSSH server, which {@code .ci/run} starts on loopback with throw-away keys ({@code .ci/test-sshd}) and
 * describes in {@code ENERGY_TEST_SSH_*}. In CI ({@code CI=true}) the server must be there: the tests fail rather than
 * skip; elsewhere they skip without it ({@code . .ci/test-sshd} before Maven runs them).
 */
class GitSshRemoteTest {

    private static int port;
    private static String user;
    private static Path key;
    private static Path knownHosts;

    @BeforeAll
    static void sshd() throws Exception {
        String portText = System.getenv("ENERGY_TEST_SSH_PORT");
        if (portText == null || portText.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("ENERGY_TEST_SSH_PORT is not set, but CI=true requires the git-over-SSH tests (.ci/run starts sshd)");
            }
            Assumptions.abort("no test sshd (. .ci/test-sshd sets ENERGY_TEST_SSH_*)");
        }
        port = Integer.parseInt(portText);
        user = System.getenv("ENERGY_TEST_SSH_USER");
        key = Path.of(System.getenv("ENERGY_TEST_SSH_KEY"));
        knownHosts = Path.of(System.getenv("ENERGY_TEST_SSH_KNOWN_HOSTS"));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getInputStream().read();
        } catch (IOException e) {
            fail("the test sshd does not answer on 127.0.0.1:" + port + ": " + e);
        }
    }

    private static GitRemote remote(Path bare, Path hosts) {
        return new GitRemote("ssh://" + user + "@127.0.0.1:" + port + bare.toAbsolutePath(), "git", "", key, hosts, null);
    }

    @Test
    void append_mode_pushes_every_commit_over_ssh(@TempDir Path dir) throws Exception {
        Path bare = GitFixture.bare(dir, "remote.git");
        PushChecks.appendPushesEveryCommit(dir, remote(bare, knownHosts), bare);
    }

    @Test
    void rolling_mode_force_pushes_its_amended_commit_over_ssh(@TempDir Path dir) throws Exception {
        Path bare = GitFixture.bare(dir, "remote.git");
        PushChecks.rollingForcePushesOneCommit(dir, remote(bare, knownHosts), bare);
    }

    @Test
    void a_wrong_or_unknown_host_key_fails_the_push_at_once_and_the_next_run_pushes_when_it_is_right(@TempDir Path dir)
            throws Exception {
        Path bare = GitFixture.bare(dir, "remote.git");
        Path hosts = dir.resolve("known_hosts");
        Files.writeString(hosts, "[127.0.0.1]:" + port + " " + otherHostKey() + "\n");
        try (GitFixture s = new GitFixture(dir, "append", remote(bare, hosts))) {
            s.insertHours("hall", ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, BERLIN), 3);
            JobResult wrong = assertTimeoutPreemptively(Duration.ofSeconds(30), s.job::run, "a bad host key must not hang");
            assertTrue(wrong.summary().contains("push failed (retried next run)")
                    && wrong.summary().contains("Server key did not validate"), wrong.summary());
            assertEquals(1, wrong.alerts().size(), wrong.alerts().toString());
            assertTrue(wrong.alerts().get(0).contains("git push to ssh://127.0.0.1:" + port + bare.toAbsolutePath() + " failed"),
                    wrong.alerts().get(0));
            assertEquals(null, GitFixture.bareHead(bare), "nothing reached the remote");

            Files.writeString(hosts, "");
            JobResult unknown = assertTimeoutPreemptively(Duration.ofSeconds(30), s.job::run, "an unknown host must not hang");
            assertTrue(unknown.summary().contains("Server key did not validate"), unknown.summary());
            assertEquals("", Files.readString(hosts), "an unknown host key is not added to known_hosts");
            assertEquals(null, GitFixture.bareHead(bare));

            Files.copy(knownHosts, hosts, StandardCopyOption.REPLACE_EXISTING);
            JobResult fixed = s.job.run();
            assertTrue(fixed.summary().startsWith("no changes; pushed to ssh://"), fixed.summary());
            assertTrue(fixed.alerts().get(0).contains("works again"), fixed.alerts().toString());
            assertEquals(GitFixture.files(s.history), GitFixture.files(bare));
        }
    }

    /** A known_hosts key of another server: a fresh Ed25519 public key in OpenSSH's format. */
    private static String otherHostKey() throws Exception {
        byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer blob = ByteBuffer.allocate(4 + type.length + 4 + 32);
        blob.putInt(type.length).put(type).putInt(32).put(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array());
    }
}
