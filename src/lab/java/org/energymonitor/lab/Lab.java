package org.energymonitor.lab;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.energymonitor.app.EnergyMonitor;
import org.energymonitor.config.Settings;

/**
 * Entry point of {@code energy-monitor-lab.jar} ({@code mvn -B -Plab package}): the benchmarks, kept out of the
 * service jar. The lab jar holds only these classes; its manifest puts {@code energy-monitor.jar} from the same folder
 * on the class path, and the benchmarks start that jar as the service they measure.
 */
public final class Lab {

    private Lab() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        List<String> rest = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        String command = args.length == 0 ? "help" : args[0];
        try {
            return switch (command) {
                case "bench-ingest" -> new BenchIngest().run(rest);
                case "bench-publish" -> new BenchPublisher().run(rest);
                case "bench-api" -> new BenchApi(Settings.load(Path.of(""))).run(rest);
                default -> usage("help".equals(command) || "--help".equals(command) ? 0 : 2);
            };
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            return 2;
        }
    }

    /** The service jar the benchmarks start: where {@link EnergyMonitor} was loaded from. */
    static Path productJar() throws Exception {
        return Path.of(EnergyMonitor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** This jar, for the publisher child process. */
    static Path labJar() throws Exception {
        return Path.of(Lab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static int usage(int code) {
        System.out.println("""
                Usage: java -jar target/energy-monitor-lab.jar <benchmark>   (build: mvn -B -Plab -DskipTests package)
                  bench-ingest [--seconds S] [--devices N] [--broker embedded|mosquitto|both] [--rate R]
                                                       MQTT ingestion throughput of the service jar beside this one
                  bench-api [--days N] [--requests N] [--clients N] [--seconds S]
                                                       the API on a simulated year
                  bench-publish URL DEVICES SECONDS THREADS RATE
                                                       the publisher bench-ingest starts (MQTT 5 wire client)""");
        return code;
    }
}
