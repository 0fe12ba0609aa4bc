package org.energymonitor.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * JSON answers for requests no route handles, so an API client never gets an HTML or plain-text error page.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static void notFound(RoutingContext ctx) {
        send(ctx, 404, "no such API endpoint: " + ctx.request().path());
    }

    private static void send(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
