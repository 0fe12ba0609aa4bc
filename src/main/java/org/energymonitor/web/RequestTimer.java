package org.energymonitor.web;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Times every HTTP request by method, endpoint (known API paths only, to bound the tags) and status class. */
final class RequestTimer implements Handler<RoutingContext> {

    private static final Set<String> KNOWN = Set.of("/api/readings", "/api/latest_reading", "/api/stats",
            "/api/summary", "/api/daily", "/api/monthly", "/api/export.csv", "/status", "/observe/metrics",
            "/observe/health", "/api/openapi.json", "/");
    private final MeterRegistry registry;

    RequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String path = ctx.normalizedPath();
        String endpoint = KNOWN.contains(path) ? path : path.startsWith("/api/") ? "/api/other" : "static";
        String method = ctx.request().method().name();
        ctx.addEndHandler(done -> Timer.builder("http_server_requests")
                .tag("method", method).tag("endpoint", endpoint)
                .tag("status", (ctx.response().getStatusCode() / 100) + "xx")
                .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
        ctx.next();
    }
}
