package org.energymonitor.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.camel.health.HealthCheck;

/**
 * {@code /observe/health}: the service's Camel health checks ({@link EnergyHealthCheck}: MQTT connected, database
 * answering). UP with HTTP 200 when all are up, else DOWN with 503. Open without authentication, for monitoring;
 * it reveals no paths, names or numbers.
 */
public final class Health {

    /** The JSON answer. */
    public record Report(String status, Map<String, String> checks) {
    }

    private final Supplier<Iterable<HealthCheck.Result>> results;

    public Health(Supplier<Iterable<HealthCheck.Result>> results) {
        this.results = results;
    }

    public Report check() {
        Map<String, String> checks = new TreeMap<>();
        for (HealthCheck.Result r : results.get()) {
            if (EnergyHealthCheck.GROUP.equals(r.getCheck().getGroup())) {
                checks.put(r.getCheck().getId().replaceFirst("^energy-", ""), r.getState().name());
            }
        }
        boolean up = !checks.isEmpty() && checks.values().stream().allMatch("UP"::equals);
        return new Report(up ? "UP" : "DOWN", checks);
    }

    /** 200 when UP, 503 when DOWN. */
    public int httpStatus(Report report) {
        return "UP".equals(report.status()) ? 200 : 503;
    }
}
