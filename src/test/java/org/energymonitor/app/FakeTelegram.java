package org.energymonitor.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for the Telegram Bot API: records every request (path and body) and answers
 * like {@code sendMessage}. It can hang (never answer) the first {@code hangs} requests, like a dead connection.
 */
public final class FakeTelegram implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger hangs = new AtomicInteger();
    private final AtomicInteger hanging = new AtomicInteger();

    public FakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code n} requests are read and then left without an answer for a minute. */
    public void hangNext(int n) {
        hangs.set(n);
    }

    /** Requests read and left without an answer right now. */
    public int hanging() {
        return hanging.get();
    }

    /** The sendMessage requests answered so far (hung ones are not counted). */
    public List<Request> messages() {
        return requests.stream().filter(r -> r.path().endsWith("/sendMessage")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (hangs.getAndUpdate(h -> Math.max(0, h - 1)) > 0) {
            hanging.incrementAndGet();
            try {
                Thread.sleep(60_000); // the hang itself: a dead connection, not a wait for something
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hanging.decrementAndGet();
            }
            exchange.close();
            return;
        }
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
        byte[] answer = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"ok\"}}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
