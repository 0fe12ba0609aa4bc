package org.energymonitor.jobs;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.PushCommand;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Where and how the git history is pushed: {@code url} (empty = commits stay local), HTTPS with a token as the
 * password, or SSH (JGit's Apache MINA client) with a private key file and a known_hosts file. Credentials come from
 * the configuration (or the environment), never from the repository.
 */
public record GitRemote(String url, String username, String token, Path sshKey, Path knownHosts) {

    public boolean configured() {
        return !url.isBlank();
    }

    /** The URL for messages: without any user info. */
    public String display() {
        return url.replaceAll("//[^/@]*@", "//");
    }

    /** Sets credentials on a push: the token for HTTP(S), the key and known hosts for SSH. */
    void apply(PushCommand push) {
        if (!token.isBlank()) {
            push.setCredentialsProvider(new UsernamePasswordCredentialsProvider(username, token));
        }
        if (sshKey != null) {
            SshdSessionFactory factory = new SshdSessionFactoryBuilder()
                    .setHomeDirectory(sshKey.toAbsolutePath().getParent().toFile())
                    .setSshDirectory(sshKey.toAbsolutePath().getParent().toFile())
                    .setDefaultIdentities(dir -> List.of(sshKey.toAbsolutePath()))
                    .setDefaultKnownHostsFiles(dir -> knownHosts == null ? List.of() : List.of(knownHosts.toAbsolutePath()))
                    .build(null);
            TransportConfigCallback ssh = transport -> {
                if (transport instanceof SshTransport s) {
                    s.setSshSessionFactory(factory);
                }
            };
            push.setTransportConfigCallback(ssh);
        }
    }
}
