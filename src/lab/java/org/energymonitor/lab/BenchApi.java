package org.energymonitor.lab;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.energymonitor.app.Service;
import org.energymonitor.commands.Commands;
import org.energymonitor.commands.SimulateHistory;
import org.energymonitor.config.Settings;
import org.energymonitor.store.Database;

/**
 * {@code bench-api}: fills a fresh database with a year (and a bit) of 10-second readings, starts the real service
 * on it, and times real HTTP requests on loopback, each with a distinct random range so no cache could serve it;
 * then 50 clients poll concurrently while readings arrive over MQTT at 1,000/s. Prints a table.
 */
public final class BenchApi {

    private static final long DAY = 86_400_000L;
    private final Settings settings;

    public BenchApi(Settings settings) {
        this.settings = settings;
    }

    public int run(List<String> args) throws Exception {
        Map<String, String> o = Commands.Options.parse(args).named();
        int days = Integer.parseInt(o.getOrDefault("days", "380"));
        int requests = Integer.parseInt(o.getOrDefault("requests", "50"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "50"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        Path dir = Files.createTempDirectory("bench-api");
        ZoneId zone = settings.zone();
        String meter = "bench-meter";
        SimulateHistory.Summary history;
        try (Database db = new Database(dir.resolve("energy.db"), zone).migrate()) {
            history = new SimulateHistory(db, zone).run(meter, days, 10_000, 3500, 42);
        }
        System.out.println(history.describe(zone));
        int http = freePort();
        Service service = new Service(Map.of("energy.data.dir", dir.toString(),
                "energy.http.port", Integer.toString(http), "energy.mqtt.embedded.port", Integer.toString(freePort()),
                "energy.simulator.enabled", "false", "energy.mqtt.url", ""));
        List<String> rows = new ArrayList<>();
        try {
            var context = service.start();
            BenchHttp client = new BenchHttp(http);
            Random random = new Random(1);
            long first = history.firstTs();
            long last = history.lastTs();
            long slack = Math.max(1, last - first - 365 * DAY);
            client.warmUp("/api/readings?maxPoints=2000&start=" + first + "&end=" + last, 20);
            rows.add(client.measure("/api/readings, one year, maxPoints=2000", requests, 50, 250 * 1024, () -> {
                long a = first + (long) (random.nextDouble() * slack);
                return "/api/readings?maxPoints=2000&start=" + a + "&end=" + (a + 365 * DAY);
            }));
            rows.add(client.measure("/api/stats, one year", requests, 20, -1, () -> {
                long a = first + (long) (random.nextDouble() * slack);
                return "/api/stats?start=" + a + "&end=" + (a + 365 * DAY);
            }));
            rows.add(client.measure("/api/summary", requests, 50, -1, () -> "/api/summary"));
            rows.add(client.measure("/api/daily, one year", requests, -1, -1, () -> {
                long a = first + (long) (random.nextDouble() * slack);
                return "/api/daily?start=" + a + "&end=" + (a + 365 * DAY);
            }));
            rows.add(client.measure("/api/readings?after= (live poll)", requests, 5, -1,
                    () -> "/api/readings?after=" + (last - 60_000 + random.nextInt(60_000))));
            String url = context.resolvePropertyPlaceholders("{{energy.mqtt.broker-url}}");
            rows.add(new BenchLoad(client, url, meter).run(clients, seconds, 1000));
        } finally {
            service.stop();
        }
        System.out.println();
        System.out.println("| request | n | median ms | p99 ms | max ms | size (gzip) | target |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        return rows.stream().anyMatch(r -> r.endsWith("MISSED |")) ? 1 : 0;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
