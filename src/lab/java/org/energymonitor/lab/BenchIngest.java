package org.energymonitor.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.energymonitor.commands.Commands;

/**
 * {@code bench-ingest}: the real service in a child process ({@code -Xmx64m}), a publisher in another, through the
 * embedded broker and through Mosquitto; prints a table of readings/s (first publish to last row committed), rows
 * lost and the service's resident memory.
 */
public final class BenchIngest {

    public int run(List<String> args) throws Exception {
        Map<String, String> o = Commands.Options.parse(args).named();
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int devices = Integer.parseInt(o.getOrDefault("devices", "100"));
        String brokers = o.getOrDefault("broker", "both");
        int rate = Integer.parseInt(o.getOrDefault("rate", "0"));
        List<BenchRun.Result> results = new ArrayList<>();
        if (!"mosquitto".equals(brokers)) {
            results.add(new BenchRun(Lab.productJar(), Lab.labJar(), "embedded", seconds, devices, rate).measure());
        }
        if (!"embedded".equals(brokers)) {
            results.add(new BenchRun(Lab.productJar(), Lab.labJar(), "mosquitto", seconds, devices, rate).measure());
        }
        System.out.println();
        System.out.println("| broker | heap | published (acked) | rows stored | lost | readings/s | service RSS (peak) "
                + "| CPU: service, broker |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
        return results.stream().allMatch(r -> r.lost() == 0 && r.unrouted() == 0) ? 0 : 1;
    }
}
