package org.energymonitor.jobs;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Where and how the git history is pushed: {@code url} (empty = commits stay local), HTTPS with a token as the
 * password (and optionally a CA file that alone is trusted for this remote), or SSH (JGit's Apache MINA client) with a
 * private key file and a known_hosts file. Credentials come from the configuration (or the environment), never from
 * the repository: a URL with a password in it is refused, and {@link #toString()} leaves the token out.
 */
public record GitRemote(String url, String username, String token, Path sshKey, Path knownHosts, Path caFile) {

    public GitRemote {
        if (!url.isBlank()) {
            try {
                if (new URIish(url).getPass() != null) {
                    throw new IllegalArgumentException("energy.git.remote must not contain a password or token;"
                            + " set energy.git.token (or ENERGY_GIT_TOKEN) instead");
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("energy.git.remote is not a git URL: " + e.getMessage(), e);
            }
            readable("energy.git.ssh.key-file", sshKey);
            readable("energy.git.ssh.known-hosts", knownHosts);
            readable("energy.git.https.ca-file", caFile);
        }
    }

    private static void readable(String key, Path file) {
        if (file != null && !Files.isReadable(file)) {
            throw new IllegalArgumentException(key + " " + file + " is not a readable file");
        }
    }

    public boolean configured() {
        return !url.isBlank();
    }

    /** The URL for messages: without any user info. */
    public String display() {
        return url.replaceAll("//[^/@]*@", "//");
    }

    /**
     * Sets credentials on a push: the token for HTTP(S) and the CA file for HTTPS; for SSH the key and known hosts
     * files alone (no ssh config file is read, the key's folder stands in for {@code ~/.ssh}).
     */
    void apply(PushCommand push) throws IOException, GeneralSecurityException {
        if (!token.isBlank()) {
            push.setCredentialsProvider(new UsernamePasswordCredentialsProvider(username, token));
        }
        SshdSessionFactory ssh = sshKey == null ? null : new SshdSessionFactoryBuilder()
                .setHomeDirectory(sshKey.toAbsolutePath().getParent().toFile())
                .setSshDirectory(sshKey.toAbsolutePath().getParent().toFile())
                .setConfigFile(dir -> null)
                .setDefaultIdentities(dir -> List.of(sshKey.toAbsolutePath()))
                .setDefaultKnownHostsFiles(dir -> knownHosts == null ? List.of() : List.of(knownHosts.toAbsolutePath()))
                .build(null);
        CaFileConnections https = caFile == null ? null : new CaFileConnections(caFile);
        push.setTransportConfigCallback(transport -> {
            if (ssh != null && transport instanceof SshTransport s) {
                s.setSshSessionFactory(ssh);
            }
            if (https != null && transport instanceof TransportHttp h) {
                h.setHttpConnectionFactory(https);
            }
        });
    }

    @Override
    public String toString() {
        return "GitRemote[" + display() + ", user " + username + (token.isBlank() ? "" : ", token set")
                + (sshKey == null ? "" : ", key " + sshKey) + (caFile == null ? "" : ", CA file " + caFile) + "]";
    }
}
