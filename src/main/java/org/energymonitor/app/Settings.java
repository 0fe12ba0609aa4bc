package org.energymonitor.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration as the commands outside Camel see it, with the same precedence as the service:
 * {@code -Dkey=value} first, then {@code ./application.properties}, then the defaults in the jar.
 * Values may refer to other keys as {@code {{key}}}.
 */
public final class Settings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");
    private final Properties merged;

    private Settings(Properties merged) {
        this.merged = merged;
    }

    /** Loads the defaults from the classpath, the operator's file in {@code workDir} and the system properties. */
    public static Settings load(Path workDir) {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Path operator = workDir.resolve("application.properties");
            if (Files.isRegularFile(operator)) {
                try (Reader r = Files.newBufferedReader(operator, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read application.properties: " + e.getMessage(), e);
        }
        System.getProperties().forEach((k, v) -> p.setProperty(k.toString(), v.toString()));
        return new Settings(p);
    }

    /** The value of {@code key} with placeholders resolved; never null (an unset key is ""). */
    public String get(String key) {
        return resolve(merged.getProperty(key, ""), 0).trim();
    }

    public String get(String key, String fallback) {
        String v = get(key);
        return v.isEmpty() ? fallback : v;
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public double getDouble(String key) {
        return Double.parseDouble(get(key));
    }

    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(get(key));
    }

    /** A comma-separated list; empty entries are dropped. */
    public List<String> getList(String key) {
        return Arrays.stream(get(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code energy.timezone}, or the system zone when it is empty. */
    public ZoneId zone() {
        String id = get("energy.timezone");
        return id.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(id);
    }

    public Path dbPath() {
        return Path.of(get("energy.db.path"));
    }

    private String resolve(String value, int depth) {
        if (depth > 10 || !value.contains("{{")) {
            return value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(merged.getProperty(m.group(1), ""), depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
