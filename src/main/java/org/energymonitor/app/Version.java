package org.energymonitor.app;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Properties;

/** The version and build time this jar was built with (from {@code build.properties}). */
final class Version {

    private Version() {
    }

    static String current() {
        return build().getProperty("build.version", "unknown");
    }

    /** When the jar was built, or null when that is not known (an unfiltered resource, a run from the IDE). */
    static Instant buildTime() {
        String t = build().getProperty("build.time", "");
        try {
            return t.isEmpty() || t.startsWith("$") ? null : Instant.parse(t);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Properties build() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource means: not known
        }
        return p;
    }
}
