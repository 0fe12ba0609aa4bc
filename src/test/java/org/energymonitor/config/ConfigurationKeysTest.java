package org.energymonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * application.properties is the configuration reference: every {@code energy.*} key that the service's Java code or
 * the product's routes read is defined there (with its comment), none only in Java.
 */
class ConfigurationKeysTest {

    /** A key in a Java string: {@code "energy.http.port"}, or a prefix such as {@code "energy.tariff."}. */
    private static final Pattern JAVA_KEY = Pattern.compile("\"(?:\\{\\{)?(energy\\.[a-z0-9.-]*[a-z0-9.])");
    /** A placeholder: {@code {{energy.http.port}}}, {@code {{energy.jobs.{{name}}.enabled:true}}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(energy\\.(?:[a-z0-9.-]|\\{\\{[a-z]+}})*[a-z0-9])");

    @Test
    void every_energy_key_that_java_or_the_routes_read_is_defined_in_application_properties() throws Exception {
        Properties defined = new Properties();
        try (InputStream in = ConfigurationKeysTest.class.getResourceAsStream("/application.properties")) {
            defined.load(in);
        }
        Map<String, String> read = new TreeMap<>();
        for (Path file : files(Path.of("src/main/java"), ".java")) {
            find(JAVA_KEY, Files.readString(file), file, read);
        }
        for (Path file : files(Path.of("routes"), ".yaml")) {
            find(PLACEHOLDER, Files.readString(file), file, read);
        }
        assertTrue(read.size() > 100, "keys found: " + read.keySet());
        Map<String, String> missing = new TreeMap<>();
        read.forEach((key, where) -> {
            // a literal ending in '.' is a prefix (energy.tariff.<n>.*); {{name}} stands for any one level
            Pattern wanted = Pattern.compile(Pattern.quote(key).replaceAll("\\{\\{[a-z]+}}", "\\\\E[^.]+\\\\Q")
                    + (key.endsWith(".") ? ".+" : ""));
            if (defined.stringPropertyNames().stream().noneMatch(k -> wanted.matcher(k).matches())) {
                missing.put(key, where);
            }
        });
        assertEquals(Map.of(), missing, "keys read (where) that application.properties does not define");
    }

    private static void find(Pattern pattern, String text, Path file, Map<String, String> read) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            read.putIfAbsent(m.group(1), file.toString());
        }
    }

    private static List<Path> files(Path root, String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
