package org.energymonitor.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A token bucket per client address (loopback clients, such as a reverse proxy on the same host, are exempt): {@code perSecond} requests a second on average, bursts up to {@code burst};
 * beyond that {@code 429} with {@code Retry-After}, so one misbehaving client cannot exhaust a Raspberry Pi.
 */
final class RateLimit implements Handler<RoutingContext> {

    private final double perSecond;
    private final double burst;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    RateLimit(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (perSecond <= 0 || ctx.request().remoteAddress() == null
                || AuthSettings.isLoopback(ctx.request().remoteAddress().hostAddress())) {
            ctx.next();
            return;
        }
        String client = ctx.request().remoteAddress().hostAddress();
        long now = System.nanoTime();
        if (buckets.size() > 10_000) {
            buckets.clear();
        }
        double[] b = buckets.computeIfAbsent(client, k -> new double[] {burst, now});
        boolean ok;
        synchronized (b) {
            b[0] = Math.min(burst, b[0] + (now - b[1]) / 1e9 * perSecond);
            b[1] = now;
            ok = b[0] >= 1;
            if (ok) {
                b[0] -= 1;
            }
        }
        if (ok) {
            ctx.next();
        } else {
            ctx.response().setStatusCode(429).putHeader("Retry-After", "1")
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "too many requests; slow down").encode());
        }
    }
}
