package org.energymonitor.mqtt;

import java.nio.file.Path;

import org.energymonitor.web.LoginLimits;

/**
 * Settings of the embedded broker.
 *
 * @param host      listen address
 * @param port      listen port
 * @param folder    where the broker keeps its configuration and state
 * @param maxQueue  messages queued per offline client
 * @param username  required username, empty for none (loopback only)
 * @param password  required password
 * @param inMemory  sessions and queued messages only in memory (faster, no disk writes) instead of in files under
 *                  {@code folder} (kept across a restart)
 * @param login     lockout of client addresses that send wrong passwords ({@code energy.mqtt.embedded.login.*})
 */
public record BrokerSettings(String host, int port, Path folder, long maxQueue, String username, String password,
                             boolean inMemory, LoginLimits login) {

    /** File persistence, the default. */
    public BrokerSettings(String host, int port, Path folder, long maxQueue, String username, String password) {
        this(host, port, folder, maxQueue, username, password, false);
    }

    /** The default lockout. */
    public BrokerSettings(String host, int port, Path folder, long maxQueue, String username, String password,
                          boolean inMemory) {
        this(host, port, folder, maxQueue, username, password, inMemory, LoginLimits.DEFAULTS);
    }

    /** Reads {@code energy.mqtt.embedded.persistence}: {@code file} or {@code in-memory}. */
    public static boolean inMemory(String persistence) {
        return switch (persistence.trim()) {
            case "file" -> false;
            case "in-memory" -> true;
            default -> throw new IllegalArgumentException("energy.mqtt.embedded.persistence must be file or in-memory, not '"
                    + persistence + "'");
        };
    }

    public boolean hasCredentials() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "BrokerSettings[" + host + ":" + port + ", folder=" + folder + ", credentials=" + hasCredentials()
                + ", persistence=" + (inMemory ? "in-memory" : "file") + "]";
    }
}
