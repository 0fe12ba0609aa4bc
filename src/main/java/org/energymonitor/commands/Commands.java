package org.energymonitor.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.energymonitor.config.Settings;
import org.energymonitor.store.Database;

/**
 * The data commands of the jar: {@code simulate-history}, {@code import-original}, {@code rebuild-rollups} and
 * {@code restore}.
 */
public final class Commands {

    private final Settings settings;

    public Commands(Settings settings) {
        this.settings = settings;
    }

    public int run(String command, List<String> args) {
        if ("restore".equals(command)) {
            return restore(args);
        }
        try (Database db = new Database(settings.dbPath(), settings.zone()).migrate()) {
            Options o = Options.parse(args);
            if ("simulate-history".equals(command)) {
                int days = Integer.parseInt(o.require("days"));
                String meter = o.get("meter", settings.get("energy.simulator.device"));
                long period = Long.parseLong(o.get("period-ms", "10000"));
                double yearly = Double.parseDouble(o.get("yearly-kwh", settings.get("energy.simulator.yearly-kwh")));
                SimulateHistory.Summary s = new SimulateHistory(db, settings.zone())
                        .run(meter, days, period, yearly, Long.parseLong(o.get("seed", "42")));
                System.out.println(s.describe(settings.zone()));
                return 0;
            }
            if ("rebuild-rollups".equals(command)) {
                System.out.println(new RebuildRollups(db).run());
                return 0;
            }
            Path original = Path.of(o.positional());
            if (!Files.isRegularFile(original)) {
                System.err.println("import-original: no such file: " + original);
                return 2;
            }
            String meter = o.get("meter", "tasmota");
            ImportOriginal importer = new ImportOriginal(db, settings.zone());
            ImportOriginal.Report report = o.has("offset")
                    ? importer.run(original, meter, ZoneOffset.of(o.get("offset", "")))
                    : importer.run(original, meter);
            System.out.println(report.describe(settings.zone()));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            return 2;
        }
    }

    private int restore(List<String> args) {
        if (args.size() != 1) {
            System.err.println("restore: give exactly one backup file, e.g. restore data/backups/energy-20260101T120000Z.db");
            return 2;
        }
        try {
            System.out.println(new Restore(settings.dbPath(), java.time.Clock.systemUTC()).run(Path.of(args.get(0))));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("restore: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("restore failed: " + e);
            return 1;
        }
    }

    /** {@code --key value} pairs and at most one positional argument. */
    public record Options(Map<String, String> named, String positionalArg) {

        public static Options parse(List<String> args) {
            Map<String, String> named = new HashMap<>();
            String positional = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    named.put(a.substring(2), args.get(++i));
                } else if (positional == null) {
                    positional = a;
                } else {
                    throw new IllegalArgumentException("unexpected argument " + a);
                }
            }
            return new Options(named, positional);
        }

        String get(String key, String fallback) {
            return named.getOrDefault(key, fallback);
        }

        boolean has(String key) {
            return named.containsKey(key);
        }

        String require(String key) {
            String v = named.get(key);
            if (v == null) {
                throw new IllegalArgumentException("--" + key + " is required");
            }
            return v;
        }

        String positional() {
            if (positionalArg == null) {
                throw new IllegalArgumentException("the path of the original database is required");
            }
            return positionalArg;
        }
    }
}
