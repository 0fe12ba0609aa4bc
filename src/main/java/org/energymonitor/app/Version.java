package org.energymonitor.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and build time this jar was built with (from {@code build.properties}). */
final class Version {

    private Version() {
    }

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/build.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("build.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
