package org.energymonitor.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.energymonitor.ops.BenchApi;
import org.energymonitor.ops.BenchIngest;
import org.energymonitor.ops.BenchPublisher;
import org.energymonitor.ops.Commands;

/**
 * Entry point of {@code energy-monitor.jar}: without arguments it runs the service, otherwise one command.
 */
public final class EnergyMonitor {

    private EnergyMonitor() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        String command = args.length == 0 ? "run" : args[0];
        int code = switch (command) {
            case "run" -> {
                new Service().run();
                yield 0;
            }
            case "simulate-history", "import-original", "rebuild-rollups", "restore" -> new Commands(Settings.load(Path.of(""))).run(command, rest);
            case "bench-ingest" -> new BenchIngest(Settings.load(Path.of(""))).run(rest);
            case "bench-publish" -> new BenchPublisher().run(rest);
            case "bench-api" -> new BenchApi(Settings.load(Path.of(""))).run(rest);
            case "help", "--help", "-h" -> usage(0);
            default -> {
                System.err.println("Unknown command: " + command);
                yield usage(2);
            }
        };
        System.exit(code);
    }

    private static int usage(int code) {
        System.out.println("""
                Usage: java -jar energy-monitor.jar [command]
                  (no command)                         run the service
                  simulate-history --days N [--meter NAME] [--period-ms MS] [--yearly-kwh KWH]
                                                       fill the database with N days of simulated readings
                  import-original PATH [--meter NAME] [--offset +01:00]
                                                       import the original Python project's SQLite file
                  rebuild-rollups                      recompute the minute, hour and day rollups from readings
                  restore FILE                         replace the database with a backup (stop the service first)
                  bench-ingest [--seconds S] [--devices N] [--broker embedded|mosquitto|both]
                  bench-api [--days N] [--requests N] [--clients N] [--seconds S]
                                                       measure MQTT ingestion throughput
                  help                                 this text
                Configuration: application.properties in the working directory, or -Dkey=value.""");
        return code;
    }
}
