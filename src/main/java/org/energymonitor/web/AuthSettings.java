package org.energymonitor.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who may use the dashboard and the API: a Basic user with a {@link PasswordHash}, and/or bearer API tokens given
 * as SHA-256 hex digests. Required whenever the server listens beyond loopback (or when {@code always}).
 *
 * @param username     Basic user name ({@code energy.http.username}); empty = no Basic login
 * @param passwordHash its hash ({@code energy.http.password-hash})
 * @param tokenDigests SHA-256 hex digests of the API tokens ({@code energy.http.api-token-sha256})
 * @param mode         {@code auto} (required off loopback), {@code always} or {@code off} (loopback only)
 */
public record AuthSettings(String username, String passwordHash, List<String> tokenDigests, String mode) {

    /**
     * Whether requests must authenticate on {@code host}: with {@code auto}, off loopback or whenever credentials are
     * configured. Refuses an open LAN bind, and {@code always} without credentials, with a message that says how.
     */
    public boolean required(String host) {
        boolean loopback = isLoopback(host);
        boolean configured = !username.isEmpty() || !tokenDigests.isEmpty();
        if (!username.isEmpty() && !PasswordHash.isWellFormed(passwordHash)) {
            throw new IllegalStateException("energy.http.password-hash is missing or not a hash: create one with "
                    + "'java -jar energy-monitor.jar hash-password' (reads the password from standard input)");
        }
        if ("off".equals(mode)) {
            if (!loopback) {
                throw new IllegalStateException("energy.http.auth=off is only allowed on a loopback address, not " + host);
            }
            return false;
        }
        if (!configured && (!loopback || "always".equals(mode))) {
            throw new IllegalStateException("The dashboard would listen on " + host + " without authentication. "
                    + "Set energy.http.username and energy.http.password-hash (java -jar energy-monitor.jar "
                    + "hash-password) or energy.http.api-token-sha256, or keep energy.http.host=127.0.0.1.");
        }
        return configured;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("energy.http.host=" + host + " is not an address of this host", e);
        }
    }
}
