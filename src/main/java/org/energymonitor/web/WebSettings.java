package org.energymonitor.web;

import java.nio.file.Path;

/**
 * Where the dashboard and the API listen and what they accept.
 *
 * @param host         bind address ({@code energy.http.host})
 * @param port         TCP port ({@code energy.http.port}; 0 = any free port, for tests)
 * @param webDir       the folder of static files; nothing outside it is ever served
 * @param maxBodyBytes largest request body accepted ({@code energy.http.max-body-bytes})
 */
public record WebSettings(String host, int port, Path webDir, long maxBodyBytes) {
}
