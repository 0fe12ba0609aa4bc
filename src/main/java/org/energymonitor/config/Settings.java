package org.energymonitor.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;

/**
 * Typed access to the configuration. Inside the service it reads through Camel's property placeholders
 * ({@link #of(CamelContext)}); the commands outside Camel load the same sources with the same precedence
 * ({@link #load(Path)}): {@code -Dkey=value} first, then {@code ./application.properties}, then the defaults in the
 * jar. Values may refer to other keys as {@code {{key}}}.
 */
public final class Settings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");
    /** The resolved value of a key, "" when it is unset. */
    private final UnaryOperator<String> lookup;

    private Settings(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    /** The configuration as the running Camel context resolves it (including test overrides). */
    public static Settings of(CamelContext context) {
        return new Settings(key -> context.getPropertiesComponent().resolveProperty(key).orElse(""));
    }

    /**
     * Loads the defaults from the classpath, the operator's file in {@code workDir}, environment variables
     * ({@code ENERGY_DATA_DIR} for {@code energy.data.dir}, as the service reads them) and the system properties.
     */
    public static Settings load(Path workDir) {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
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
        for (String key : p.stringPropertyNames()) {
            String env = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
            if (env != null) {
                p.setProperty(key, env);
            }
        }
        System.getProperties().forEach((k, v) -> p.setProperty(k.toString(), v.toString()));
        return new Settings(key -> resolve(p, p.getProperty(key, ""), 0));
    }

    /** The value of {@code key}, trimmed; never null (an unset key is ""). */
    public String get(String key) {
        return lookup.apply(key).trim();
    }

    public String get(String key, String fallback) {
        String v = get(key);
        return v.isEmpty() ? fallback : v;
    }

    public int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    public long getLong(String key) {
        return Long.parseLong(get(key));
    }

    public double getDouble(String key) {
        return Double.parseDouble(get(key));
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

    private static String resolve(Properties p, String value, int depth) {
        if (depth > 10 || !value.contains("{{")) {
            return value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(p, p.getProperty(m.group(1), ""), depth + 1)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
