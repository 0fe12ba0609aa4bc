package org.energymonitor.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.energymonitor.commands.Commands;
import org.energymonitor.config.Settings;

/**
 * Entry point of {@code energy-monitor.jar}: without arguments it runs the service, otherwise one command.
 */
public final class EnergyMonitor {

    private EnergyMonitor() {
    }

    /**
     * Always ends the process with an exit status: a refused start must not leave the JVM running on the embedded
     * broker's non-daemon threads (systemd's {@code Restart=on-failure} needs the non-zero exit).
     */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (Throwable e) {
            System.err.println("energy-monitor: start-up refused: " + StartupRefusal.reason(e));
            code = 1;
        }
        System.exit(code);
    }

    /** Runs the service or one command; the exit code: 0 done, 1 failed, 2 wrong usage. */
    static int run(String[] args) throws Exception {
        List<String> rest = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        String command = args.length == 0 ? "run" : args[0];
        if (rest.contains("--help") || rest.contains("-h")) {
            return usage(0);
        }
        try {
            return command(command, rest);
        } catch (IllegalArgumentException e) {
            if ("run".equals(command)) {
                throw e;
            }
            System.err.println(command + ": " + e.getMessage()); // a bad option value: one line, not a stack trace
            return 2;
        }
    }

    private static int command(String command, List<String> rest) throws Exception {
        return switch (command) {
            case "run" -> {
                new Service().run();
                yield 0;
            }
            case "simulate-history", "import-original", "rebuild-rollups", "restore" -> new Commands(Settings.load(Path.of(""))).run(command, rest);
            case "hash-password" -> hashPassword();
            case "check-routes" -> new CheckRoutes(System.out, System.err, Map.of()).run(rest);
            case "help", "--help", "-h" -> usage(0);
            default -> {
                System.err.println("Unknown command: " + command);
                yield usage(2);
            }
        };
    }

    /** Reads one line (the password) from standard input and prints its hash; nothing goes to the command line. */
    private static int hashPassword() throws java.io.IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        String password = in.readLine();
        if (password == null || password.isEmpty()) {
            System.err.println("hash-password: give the password on standard input, e.g. "
                    + "read -rs P && printf %s \"$P\" | java -jar energy-monitor.jar hash-password");
            return 2;
        }
        System.out.println(new org.energymonitor.web.PasswordHash().hash(password));
        return 0;
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
                  check-routes [FOLDER]                check the operator's routes (default energy.routes.dir) against
                                                       the configuration, beside the running service, before a restart
                  hash-password                        read a password from standard input, print the hash
                                                       for energy.http.password-hash
                  help                                 this text
                Configuration: application.properties in the working directory, or -Dkey=value.
                Benchmarks: java -jar target/energy-monitor-lab.jar (mvn -B -Plab -DskipTests package; docs/benchmarks.md).""");
        return code;
    }
}
