package org.energymonitor.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;

/**
 * Closes connections that do not finish their request headers in time: Vert.x's idle timeout only notices a client
 * that sends nothing, so a slowloris client sending one header byte every few seconds would hold its connection (and
 * its memory) for ever. A new connection must complete its first request's headers within {@code headerMillis}; on a
 * kept-alive connection the next request's headers must be complete within {@code headerMillis + idleMillis} of the
 * previous request, unless its answer is still being sent (then the check is repeated later).
 */
final class HeaderTimeout {

    /** The connection's timer and the request it last received (null before the first). */
    private static final class Watch {
        long timer;
        HttpServerRequest last;
    }

    private final Vertx vertx;
    private final long headerMillis;
    private final long idleMillis;
    private final Map<HttpConnection, Watch> watches = new ConcurrentHashMap<>();

    HeaderTimeout(Vertx vertx, long headerMillis, long idleMillis) {
        this.vertx = vertx;
        this.headerMillis = headerMillis;
        this.idleMillis = idleMillis;
    }

    /** For {@code HttpServer.connectionHandler}: a new connection (on its event loop). */
    void connected(HttpConnection connection) {
        Watch w = new Watch();
        watches.put(connection, w);
        w.timer = vertx.setTimer(headerMillis, id -> expired(connection, w));
        connection.closeHandler(v -> {
            vertx.cancelTimer(w.timer);
            watches.remove(connection);
        });
    }

    /** Wraps the server's request handler: a request whose headers are complete restarts its connection's timer. */
    Handler<HttpServerRequest> around(Handler<HttpServerRequest> next) {
        return request -> {
            Watch w = watches.get(request.connection());
            if (w != null) {
                vertx.cancelTimer(w.timer);
                w.last = request;
                w.timer = vertx.setTimer(headerMillis + idleMillis, id -> expired(request.connection(), w));
            }
            next.handle(request);
        };
    }

    private void expired(HttpConnection connection, Watch w) {
        if (w.last != null && !w.last.response().ended() && !w.last.response().closed()) {
            w.timer = vertx.setTimer(headerMillis + idleMillis, id -> expired(connection, w));
            return;
        }
        watches.remove(connection);
        connection.close();
    }
}
