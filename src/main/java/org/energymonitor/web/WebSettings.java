package org.energymonitor.web;

import java.nio.file.Path;

/**
 * Where the dashboard and the API listen and what they accept.
 *
 * @param host          bind address ({@code energy.http.host})
 * @param port          TCP port ({@code energy.http.port}; 0 = any free port, for tests)
 * @param webDir        the folder of static files; nothing outside it is ever served
 * @param maxBodyBytes  largest request body accepted ({@code energy.http.max-body-bytes})
 * @param auth          who may use it ({@code energy.http.auth}, {@code username}, {@code password-hash}, ...)
 * @param ratePerSecond requests a second per non-loopback client on average (0 = no limit)
 * @param rateBurst     requests a client may send at once before the limit applies
 * @param tlsCert       PEM certificate (chain) for HTTPS; empty = plain HTTP
 * @param tlsKey        PEM private key of {@code tlsCert}
 * @param login         lockout and cap of wrong passwords ({@code energy.http.login.*})
 * @param idleTimeoutS  seconds a connection may send nothing before it is closed ({@code energy.http.idle-timeout-s})
 * @param headerTimeoutS seconds a new connection has to complete its request headers
 *                      ({@code energy.http.header-timeout-s})
 */
public record WebSettings(String host, int port, Path webDir, long maxBodyBytes, AuthSettings auth,
                          double ratePerSecond, double rateBurst, String tlsCert, String tlsKey,
                          LoginLimits login, int idleTimeoutS, int headerTimeoutS) {
}
