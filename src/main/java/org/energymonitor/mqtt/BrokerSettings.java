package org.energymonitor.mqtt;

import java.nio.file.Path;

/**
 * Settings of the embedded broker.
 *
 * @param host      listen address
 * @param port      listen port
 * @param folder    where the broker keeps its configuration and state
 * @param maxQueue  messages queued per offline client
 * @param username  required username, empty for none (loopback only)
 * @param password  required password
 */
public record BrokerSettings(String host, int port, Path folder, long maxQueue, String username, String password) {

    public boolean hasCredentials() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "BrokerSettings[" + host + ":" + port + ", folder=" + folder + ", credentials=" + hasCredentials() + "]";
    }
}
