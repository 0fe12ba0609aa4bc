package org.energymonitor.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A token bucket per client address (loopback clients, such as a reverse proxy on the same host, are exempt): {@code perSecond} requests a second on average, bursts up to {@code burst};
 * beyond that {@code 429} with {@code Retry-After}, so one misbehaving client cannot exhaust a Raspberry Pi.
 */
final class RateLimit implements Handler<RoutingContext> {

    private final boolean enabled;
    private final TokenBuckets buckets;

    RateLimit(double perSecond, double burst) {
        this.enabled = perSecond > 0;
        this.buckets = new TokenBuckets(perSecond, burst);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!enabled || ctx.request().remoteAddress() == null
                || AuthSettings.isLoopback(ctx.request().remoteAddress().hostAddress())
                || buckets.allow(ctx.request().remoteAddress().hostAddress(), System.nanoTime())) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(429).putHeader("Retry-After", "1")
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", "too many requests; slow down").encode());
    }
}
